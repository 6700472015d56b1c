import re, csv, io, sys, collections
sys.path.insert(0,__import__('os').path.dirname(__file__))
from rows_law import LAW
from rows_web import WEB, CORPUS
LAWF='/work/shared/law/luat-10-2022-QH15_full_phapdien.md'
NDF='/work/shared/law/nd-59-2023-ND-CP_selected.md'
L64='/work/shared/law/luat-64-2025-QH15_selected-articles.md'
PD_LAW="https://github.com/diepxuan/diepxuan.github.io (van-ban/xay-dung-phap-luat-va-thi-hanh-phap-luat/thuc-hien-dan-chu-o-co-so.md @ fbaa690e)"
norm=lambda s: re.sub(r'\s+',' ',s).strip()

def blocks(path, tag):
    lines=open(path,encoding='utf-8').read().split('\n')
    out={}; cur=None
    for ln in lines:
        m=re.match(r'^Điều 44\.13\.'+re.escape(tag)+r'\.(\d+)\. (.*)$', ln)
        if m: cur=int(m.group(1)); out[cur]={'title':m.group(2).strip(),'lines':[]}; continue
        if re.match(r'^Điều 44\.13\.',ln): cur=None; continue
        if cur is not None and ln.strip() and not ln.startswith('(') and not ln.startswith('---'):
            out[cur]['lines'].append(re.sub(r'[ \xa0]+',' ',ln).strip())
    return out
LQ=blocks(LAWF,'LQ'); ND=blocks(NDF,'NĐ.1')
pt=re.compile(r'^([a-zđ])\) '); cl=re.compile(r'^(\d+)\. ')
rows=[]
for kind,art,prefix,codes,reason in LAW:
    B=(LQ if kind=='L' else ND)[art]
    idx=[i for i,l in enumerate(B['lines']) if l.startswith(prefix)]
    assert len(idx)>=1, (kind,art,prefix)
    i=idx[0]; text=B['lines'][i]
    # locator
    clause=None; point=None
    m=pt.match(text)
    if m:
        point=m.group(1)
        for j in range(i-1,-1,-1):
            mc=cl.match(B['lines'][j])
            if mc: clause=mc.group(1); heading=B['lines'][j]; break
        else: heading='Điều %d. %s'%(art,B['title'])
    else:
        mc=cl.match(text)
        if mc: clause=mc.group(1)
        else:
            for j in range(i-1,-1,-1):
                mc2=cl.match(B['lines'][j])
                if mc2: clause=mc2.group(1)+' (đoạn tiếp)'; break
        heading='Điều %d. %s'%(art,B['title'])
    loc='Điều %d'%art + (' khoản %s'%clause if clause else '') + (' điểm %s'%point if point else '')
    src='Luật 10/2022/QH15' if kind=='L' else 'Nghị định 59/2023/NĐ-CP'
    rows.append(dict(subject='gd',text=text,heading=heading,source=src,locator=loc+'; '+PD_LAW,codes=codes,reason=reason))
# corpus (verbatim check against normalised corpus file)
for f,text,heading,src,loc,codes,reason in CORPUS:
    body=norm(open('/work/shared/corpus/'+f,encoding='utf-8').read())
    chk=text.replace(' […]','').replace('[…]','')
    assert norm(chk) in body, (f,text[:60])
    if heading: assert norm(heading) in body or heading.startswith('các biện pháp'), heading
    rows.append(dict(subject='gd',text=text,heading=heading,source=src,locator=loc,codes=codes,reason=reason))
# Luật 64/2025 other rows (verbatim from local excerpt; PDF line breaks collapsed)
t64=open(L64,encoding='utf-8').read()
t64=re.sub(r'\n10\n','\n',t64)  # stray page number noted in the file header
def art64(n):
    m=re.search(r'\nĐiều %d\. (.*?)\n(.*?)(?=\nĐiều \d+\.|\n<!--)'%n,t64,re.S)
    return m.group(1), m.group(2)
L64ROWS=[(9,'1.','Deadline to send documents for e-gazette publication; ICT/publication on another subject.'),
 (9,'2.','Archiving of legal documents, another subject.'),
 (9,'3.','Publication on e-gazettes; not democracy publicity.'),
 (9,'4.','E-gazette legal value; another subject.'),
 (21,'b)','Provincial council measures to ensure enforcement of laws in general; the generic basis, no specific democracy measure.'),
 (21,'c)','Council measures on socio-economic development, budget, defence; other subject.'),
 (7,'1.','Language of legal documents; other subject.'),
 (2,'Văn bản','Definition of normative document; other subject.'),
 (22,'2.','District council competence; other subject.'),
]
for n,pref,reason in L64ROWS:
    title,body=art64(n)
    paras=[]; cur=''
    for ln in body.split('\n'):
        if re.match(r'^(\d+\.|[a-zđ]\)) ',ln) and cur: paras.append(cur); cur=ln
        else: cur=(cur+' '+ln).strip() if cur else ln
    if cur: paras.append(cur)
    hit=[p for p in paras if p.startswith(pref)][0]
    head='Điều %d. %s'%(n,norm(title))
    if pref.endswith(')'):
        k=paras.index(hit)
        for j in range(k-1,-1,-1):
            if re.match(r'^\d+\. ',paras[j]): head=norm(paras[j]); break
    # check verbatim (modulo line breaks)
    assert norm(hit) in norm(t64)
    rows.append(dict(subject='other',text=norm(hit),heading=head,source='Luật Ban hành văn bản quy phạm pháp luật 64/2025/QH15',locator='Điều %d; /work/shared/law/luat-64-2025-QH15_selected-articles.md (GitHub app constant, cross-checked with https://tailieu.vn/doc/luat-so-642025qh15-2891085.html)'%n,codes='',reason=reason))
for s,text,heading,src,loc,codes,reason in WEB:
    rows.append(dict(subject=s,text=text,heading=heading,source=src,locator=loc,codes=codes,reason=reason))
# order: gd then other, assign ids
out=io.StringIO()
w=csv.DictWriter(out,fieldnames=['id','subject','text','heading','source','locator','codes','reason'],lineterminator='\n',quoting=csv.QUOTE_MINIMAL)
w.writeheader()
for i,r in enumerate(rows,1):
    r={k:norm(v) if isinstance(v,str) else v for k,v in r.items()}
    r['id']='dev-%03d'%i
    w.writerow(r)
open(__import__('os').path.join(__import__('os').path.dirname(__file__),'..','measures-dev.csv'),'w',encoding='utf-8',newline='').write(out.getvalue())
print(len(rows))
