/**
 * Golden cases for the measure classifier on the five seed resolutions (Lạng Sơn 08/2024, Sơn La 17/4/2024, Hải
 * Phòng 99/2024, An Phú 47/2024, Linh Sơn 36/2025). Inputs are copied verbatim from data/raw, in the shape the parser
 * gives them (a clause's text holds its own lines, heading first; its heading is that first line when it introduces
 * points), and a guard test checks every one of them is in its source. Why each case exists is said beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument, classifyProvision, placedUnder, type Label, type ProvisionInput } from '../../src/lib/classify/measures.ts';
import { compilePhrase, findAll, foldWithMap, parseTaxonomy, validateTaxonomy } from '../../src/lib/reference/taxonomy.ts';
import { foldVi, squash } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const TAXONOMY_JSON: unknown = JSON.parse(readFileSync(new URL('data/reference/taxonomy.json', ROOT_URL), 'utf8'));
const taxonomy = parseTaxonomy(TAXONOMY_JSON);
const raw = (file: string) => squash(readFileSync(new URL(`data/raw/${file}`, ROOT_URL), 'utf8').normalize('NFC').replace(/\*+/g, ''));

const SAME = '\u0000same-as-text';
function P(id: string, parentId: string | null, heading: string | null, text: string): ProvisionInput {
  return { id, parentId, heading: heading === SAME ? text : heading, text };
}

const LANG_SON: ProvisionInput[] = [
  P('dieu-4', null, SAME,
    'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở'),
  P('dieu-4.khoan-1', 'dieu-4', SAME,
    'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở'),
  P('dieu-4.khoan-1.diem-a', 'dieu-4.khoan-1', null,
    'Thực hiện tốt công tác giáo dục chính trị, tư tưởng, nâng cao năng lực, phẩm chất đạo đức, kỹ năng nghề nghiệp cho cán bộ, công chức, viên chức, người lao động phát huy dân chủ trong thực hiện nhiệm vụ được phân công;'),
  P('dieu-4.khoan-1.diem-b', 'dieu-4.khoan-1', null,
    'Tổ chức đào tạo, bồi dưỡng, tập huấn cho đội ngũ cán bộ, công chức, viên chức vững về chuyên môn, nghiệp vụ, ứng dụng hiệu quả công nghệ thông tin vào quản lý nhà nước trong thực hiện dân chủ cơ sở. Tăng cường tập huấn, bồi dưỡng nghiệp vụ về thực hiện dân chủ ở cơ sở cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về dân chủ ở cơ sở, thành viên Ban Thanh tra nhân dân, thành viên Ban Giám sát đầu tư của cộng đồng, người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố;'),
  P('dieu-4.khoan-2', 'dieu-4', SAME,
    'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở'),
  P('dieu-4.khoan-2.diem-c', 'dieu-4.khoan-2', null,
    'Tăng cường tuyên truyền về các nội dung Nhân dân bàn và quyết định; hình thức Nhân dân bàn và quyết định được quy định trong Luật Thực hiện dân chủ ở cơ sở để Nhân dân nắm rõ được quyền và nghĩa vụ của công dân trong thực hiện dân chủ ở cơ sở, góp phần nâng cao hiệu quả của các biện pháp bảo đảm thực hiện dân chủ ở cơ sở; bảo đảm công khai đầy đủ nội dung thông tin theo quy định của Luật Thực hiện dân chủ ở cơ sở và pháp luật khác có liên quan để Nhân dân được biết, kiểm tra, giám sát;'),
  P('dieu-4.khoan-3', 'dieu-4', SAME,
    'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, đảng viên, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở; lấy mức độ thực hiện dân chủ ở cơ sở của chính quyền địa phương cấp xã, cơ quan, đơn vị, tổ chức làm căn cứ đánh giá kết quả thực hiện nhiệm vụ'),
  P('dieu-4.khoan-3.diem-a', 'dieu-4.khoan-3', null,
    'Người đứng đầu cơ quan, đơn vị, tổ chức phải công khai, minh bạch, giải quyết những vấn đề cán bộ, công chức, viên chức, người lao động và Nhân dân quan tâm kiến nghị, phản ánh chính đáng trong phạm vi lãnh đạo, quản lý; phải có trách nhiệm tổ chức để cán bộ, công chức, viên chức, người lao động và Nhân dân bàn, tham gia ý kiến, đồng thời kiểm tra, giám sát việc thực hiện;'),
  P('dieu-4.khoan-4', 'dieu-4', SAME,
    'Kịp thời biểu dương, khen thưởng các gương điển hình, có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở'),
  P('dieu-4.khoan-5', 'dieu-4', SAME,
    'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số, kinh tế số'),
  P('dieu-4.khoan-5.diem-d', 'dieu-4.khoan-5', null,
    'Vận dụng, phát huy ưu thế của mạng nội bộ, Cổng Thông tin điện tử, Trang Thông tin điện tử, mạng xã hội hoạt động hợp pháp theo quy định của pháp luật trong việc tổ chức thực hiện dân chủ ở cơ sở. Sử dụng hòm thư điện tử, mạng xã hội để tiếp nhận ý kiến góp ý của tổ chức, cá nhân; ứng dụng công nghệ thông tin, mã QRcode tại bộ phận một cửa để người dân tiếp cận thanh toán tiện ích công, đánh giá công tác tiếp công dân, giải quyết các thủ tục hành chính.'),
  P('dieu-4.khoan-6', 'dieu-4', null,
    'Thực hiện nghiêm túc chế độ báo cáo kết quả thực hiện dân chủ tại các cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập, tổ chức, địa phương; hướng dẫn, kiểm tra, đánh giá việc thực hiện dân chủ ở cơ sở và việc thực hiện các biện pháp bảo đảm thực hiện dân chủ ở cơ sở; tiếp nhận, xem xét xử lý đối với hành vi vi phạm trong quá trình thực hiện dân chủ ở cơ sở.'),
  P('dieu-4.khoan-7', 'dieu-4', SAME,
    'Nâng cao chất lượng hoạt động và phát huy vai trò của Ban Thanh tra nhân dân trong các cơ quan, đơn vị, tổ chức, địa phương và Ban Giám sát đầu tư của cộng đồng ở địa phương'),
  P('dieu-4.khoan-7.diem-a', 'dieu-4.khoan-7', null,
    'củng cố, kiện toàn, nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, lựa chọn, bố trí những người có phẩm chất, năng lực tốt, được tin nhiệm vào Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng;'),
];
const SON_LA: ProvisionInput[] = [
  P('dieu-1', null, SAME,
    'Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Sơn La, như sau:'),
  P('dieu-1.khoan-1', 'dieu-1', SAME,
    'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ để đảm bảo thực hiện dân chủ ở cơ sở'),
  P('dieu-1.khoan-1.diem-a', 'dieu-1.khoan-1', null,
    'Xây dựng kế hoạch tập huấn, bồi dưỡng nghiệp vụ, cập nhật kiến thức pháp luật về thực hiện dân chủ ở cơ sở cho đội ngũ cán bộ, công chức, viên chức và người lao động vững về chuyên môn, nghiệp vụ, ứng dụng hiệu quả công nghệ thông tin vào quản lý nhà nước trong thực hiện dân chủ cơ sở.'),
  P('dieu-1.khoan-2', 'dieu-1', SAME,
    'Thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở'),
  P('dieu-1.khoan-2.diem-d', 'dieu-1.khoan-2', null,
    'Thực hiện đăng tải các nội dung cần xin ý kiến Nhân dân công khai lên Cổng thông tin điện tử của các cơ quan, đơn vị, địa phương.'),
  P('dieu-1.khoan-3', 'dieu-1', SAME,
    'Trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương và tổ chức trong thực hiện dân chủ ở cơ sở'),
  P('dieu-1.khoan-3.diem-c', 'dieu-1.khoan-3', null,
    'Bảo đảm quyền của công dân, cán bộ, công chức, viên chức, người lao động và Nhân dân được biết, tham gia ý kiến, quyết định và kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở.'),
  P('dieu-1.khoan-3.diem-d', 'dieu-1.khoan-3', null,
    'Tăng cường công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở'),
  P('dieu-1.khoan-4', 'dieu-1', SAME,
    'Khen thưởng, kỷ luật'),
  P('dieu-1.khoan-5', 'dieu-1', SAME,
    'Ứng dụng công nghệ thông tin, chuyển đổi số trong thực hiện dân chủ ở cơ sở'),
  P('dieu-1.khoan-5.diem-c', 'dieu-1.khoan-5', null,
    'Kiện toàn, nâng cao chất lượng cán bộ, công chức, viên chức, người thực hiện chuyên trách, kiêm nhiệm công nghệ thông tin ở các cơ quan, đơn vị, địa phương đi đôi với việc bồi dưỡng, nâng cao khả năng khai thác, sử dụng công nghệ thông tin về thực hiện dân chủ ở cơ sở trong giai đoạn mới.'),
  P('dieu-1.khoan-5.diem-dd', 'dieu-1.khoan-5', null,
    'Quy định chế độ báo cáo kết quả thực hiện quy chế dân chủ tại các cơ quan, tổ chức, đơn vị, địa phương.'),
];
const HAI_PHONG: ProvisionInput[] = [
  P('dieu-2', null, SAME,
    'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở'),
  P('dieu-2.khoan-1', 'dieu-2', SAME,
    'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức của cộng đồng về thực hiện dân chủ ở cơ sở'),
  P('dieu-2.khoan-1.diem-b', 'dieu-2.khoan-1', null,
    'Thực hiện ứng dụng công nghệ thông tin, khai thác hiệu quả tiện ích của chính quyền số trong công tác thông tin, tuyên truyền, phổ biến pháp luật trên Công/Trang thông tin điện tử hoặc trên các thiết bị di động.'),
  P('dieu-2.khoan-2', 'dieu-2', 'Bồi dưỡng, nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tham mưu tổ chức thực hiện pháp luật về dân chủ ở cơ sở',
    'Bồi dưỡng, nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tham mưu tổ chức thực hiện pháp luật về dân chủ ở cơ sở\nCác cấp chính quyền chủ động, thường xuyên phối hợp tổ chức bồi dưỡng, tập huấn cho cán bộ, công chức, viên chức, người lao động, Trưởng thôn, Tổ trưởng tổ dân phố, Trưởng ban công tác Mặt trận, thành viên Ban Thanh tra nhân dân, thành viên Ban giám sát đầu tư của cộng đồng về kỹ năng triển khai thực hiện pháp luật, thu thập và xử lý thông tin, ứng dụng hiệu quả công nghệ thông tin, các nghiệp vụ cần thiết để thực hiện chức năng, nhiệm vụ được giao và trong thực hiện dân chủ ở cơ sở; Tổ soạn thảo hương ước, quy ước về kỹ năng xây dựng hương ước, quy ước.'),
  P('dieu-2.khoan-3', 'dieu-2', SAME,
    'Nâng cao trách nhiệm của các cơ quan, đơn vị, địa phương, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, đảng viên, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố trong thực hiện dân chủ ở cơ sở'),
  P('dieu-2.khoan-3.diem-b', 'dieu-2.khoan-3', null,
    'Bố trí địa điểm, bảo đảm điều kiện làm việc, kinh phí hỗ trợ cho hoạt động Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng theo quy định.'),
  P('dieu-2.khoan-4', 'dieu-2', null,
    'Nghiên cứu, đề xuất sửa đổi, bổ sung hoặc ban hành mới các quy định (nếu có) về mức chi thực hiện hoạt động giám sát, phản biện xã hội của Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; kinh phí hỗ trợ nhằm đảm bảo hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng.'),
  P('dieu-2.khoan-5', 'dieu-2', null,
    'Ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong thực hiện dân chủ ở cơ sở phù hợp với mức độ xây dựng chính quyền điện tử, chính quyền số, xã hội số tại cơ quan, đơn vị, địa phương.'),
  P('dieu-2.khoan-5.diem-a', 'dieu-2.khoan-5', null,
    'Bố trí đầy đủ trang thiết bị phục vụ cán bộ, công chức, viên chức, người lao động triển khai nhiệm vụ về thực hiện dân chủ ở cơ sở.'),
  P('dieu-2.khoan-6', 'dieu-2', SAME,
    'Tăng cường công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở'),
  P('dieu-2.khoan-7', 'dieu-2', SAME,
    'Tổ chức biểu dương, khen thưởng các tập thể, cá nhân điển hình, có nhiều thành tích trong thực hiện tốt dân chủ ở cơ sở. Kịp thời phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân có hành vi vi phạm pháp luật về thực hiện dân chủ ở cơ sở'),
  P('dieu-2.khoan-7.diem-b', 'dieu-2.khoan-7', null,
    'Đưa kết quả thực hiện dân chủ ở cơ sở vào tiêu chí thành phần chấm điểm cải cách hành chính của các cơ quan, đơn vị, địa phương và là tiêu chí đánh giá kết quả thực hiện nhiệm vụ của người đứng đầu cơ quan, đơn vị, địa phương hàng năm.'),
];
const AN_PHU: ProvisionInput[] = [
  P('dieu-1', null, SAME,
    'Tán thành về việc ban hành các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn huyện An Phú, như sau:'),
  P('dieu-1.khoan-1', 'dieu-1', 'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở',
    'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở, gồm:'),
  P('dieu-1.khoan-1.diem-a', 'dieu-1.khoan-1', null,
    'Xây dựng chương trình và tổ chức đào tạo, bồi dưỡng, tập huấn cho đội ngũ cán bộ, công chức, viên chức nắm vững về chuyên môn, nghiệp vụ, có tư duy triển khai thực hiện pháp luật, có kỹ năng thu thập và xử lý thông tin nhanh nhạy, ứng dụng hiệu quả công nghệ thông tin vào quản lý nhà nước trong thực hiện dân chủ cơ sở đáp ứng nhu cầu thực tiễn;'),
  P('dieu-1.khoan-2', 'dieu-1', 'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở',
    'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở, gồm:'),
  P('dieu-1.khoan-3', 'dieu-1', 'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, đảng viên, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở cấp xã, ở khóm, áp trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở; lấy mức độ thực hiện dân chủ ở cơ sở của chính quyền địa phương cấp xã, cơ quan, đơn vị, tổ chức làm căn cứ đánh giá kết quả thực hiện nhiệm vụ',
    'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, đảng viên, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở cấp xã, ở khóm, áp trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở; lấy mức độ thực hiện dân chủ ở cơ sở của chính quyền địa phương cấp xã, cơ quan, đơn vị, tổ chức làm căn cứ đánh giá kết quả thực hiện nhiệm vụ, gồm:'),
  P('dieu-1.khoan-3.diem-c', 'dieu-1.khoan-3', null,
    'Nâng cao chất lượng hoạt động và phát huy vai trò của Ban Thanh tra nhân dân trong các cơ quan, đơn vị, địa phương và Ban Giám sát đầu tư của cộng đồng ở địa phương. Thường xuyên củng cố, kiện toàn, nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, lựa chọn, bố trí những người có phẩm chất, năng lực tốt, được tín nhiệm làm công tác thanh tra nhân dân. Hàng năm, xây dựng kế hoạch hoạt động; tổ chức hoạt động kiểm tra, giám sát theo quy định của pháp luật; phát huy vai trò, trách nhiệm đại diện cho công chức, viên chức, người lao động và Nhân dân trong thực hiện kiểm tra, giám sát tại cơ sở;'),
  P('dieu-1.khoan-3.diem-e', 'dieu-1.khoan-3', null,
    'Tổ chức triển khai thực hiện có hiệu quả các văn bản chỉ đạo của Huyện ủy; đồng thời rà soát để kiến nghị sửa đổi, hoàn thiện các văn bản của Trung ương của tỉnh về việc thực hiện dân chủ ở cơ sở; đẩy mạnh công tác cải cách hành chính gắn với triển khai Bộ tiêu chí và thang điểm xã, thị trấn đạt chuẩn “Chính quyền thân thiện vì nhân dân phục vụ”; đồng thời thực hiện công khai, minh bạch trong hoạt động quản lý, điều hành của cơ quan nhà nước, đảm bảo cho nhân dân được tham gia giám sát hoạt động của cơ quan nhà nước, giám sát cán bộ, công chức, viên chức thực thi nhiệm vụ, công vụ trên cơ sở kết quả đánh giá mức độ hài lòng của người dân hàng năm;'),
  P('dieu-1.khoan-4', 'dieu-1', 'Kịp thời biểu dương, khen thưởng các gương điển hình, có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở',
    'Kịp thời biểu dương, khen thưởng các gương điển hình, có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở, gồm:'),
  P('dieu-1.khoan-5', 'dieu-1', 'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số',
    'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số, gồm:'),
];
const LINH_SON: ProvisionInput[] = [
  P('dieu-1', null, SAME,
    'Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn phường Linh Sơn'),
  P('dieu-1.khoan-2', 'dieu-1', 'Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn phường Linh Sơn',
    'Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn phường Linh Sơn như sau:'),
  P('dieu-1.khoan-2-1', 'dieu-1.khoan-2', 'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở',
    'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở, gồm các giải pháp:'),
  P('dieu-1.khoan-2-2', 'dieu-1.khoan-2', 'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở',
    'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở, gồm các giải pháp:'),
  P('dieu-1.khoan-2-3', 'dieu-1.khoan-2', 'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở phường, ở tổ dân phố trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở',
    'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở phường, ở tổ dân phố trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở, gồm các giải pháp:'),
  P('dieu-1.khoan-2-3.diem-c', 'dieu-1.khoan-2-3', null,
    'Nâng cao chất lượng hoạt động và phát huy vai trò của Ban Thanh tra nhân dân trong các cơ quan, đơn vị, địa phương, tổ chức và Ban Giám sát đầu tư của cộng đồng ở địa phương.'),
  P('dieu-1.khoan-2-4', 'dieu-1.khoan-2', 'Kịp thời biểu dương, khen thưởng các gương điển hình có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở',
    'Kịp thời biểu dương, khen thưởng các gương điển hình có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở, gồm các giải pháp sau:'),
  P('dieu-1.khoan-2-5', 'dieu-1.khoan-2', 'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số',
    'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số, gồm các giải pháp:'),
  P('dieu-1.khoan-2-5.diem-b', 'dieu-1.khoan-2-5', null,
    'Quan tâm, tạo điều kiện, cử cán bộ, công chức, viên chức, người lao động tham gia các khóa đào tạo, bồi dưỡng về ứng dụng công nghệ thông tin nhằm nâng cao trình độ, khả năng tiếp cận, khai thác, sử dụng công nghệ thông tin về thực hiện dân chủ ở cơ sở trong tình hình mới. Xây dựng chuyên mục thực hiện dân chủ ở cơ sở trên Trang thông tin điện tử của phường.'),
  P('dieu-1.khoan-2-6', 'dieu-1.khoan-2', 'Công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở',
    'Công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở, gồm các giải pháp:'),
  P('dieu-1.khoan-2-6.diem-a', 'dieu-1.khoan-2-6', null,
    'Hằng năm, UBND phường xây dựng kế hoạch tự kiểm tra việc thực hiện dân chủ ở cơ sở theo quy định; các cơ quan, đơn vị, địa phương, tổ chức có sử dụng lao động chủ động thực hiện công tác tự kiểm tra thực hiện dân chủ ở cơ sở. HĐND, Ủy ban Mặt trận Tổ quốc phường giám sát việc thực hiện dân chủ ở cơ sở theo chức năng, nhiệm vụ, thẩm quyền. Tăng cường công tác kiểm tra, giám sát việc triển khai thực hiện các chính sách liên quan trực tiếp đến người dân, những lĩnh vực dễ phát sinh tiêu cực, việc thực hiện công khai, minh bạch các nội dung theo quy định của pháp luật, kịp thời phát hiện và xử lý nghiêm cơ quan, đơn vị, địa phương, tổ chức có sử dụng lao động, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở.'),
];

const SEEDS: [string, ProvisionInput[]][] = [
  ['lang-son-08-2024-nq-hdnd.txt', LANG_SON],
  ['son-la-2024-04-17-nq-hdnd.txt', SON_LA],
  ['hai-phong-99-nq-hdnd-2024.txt', HAI_PHONG],
  ['an-giang-an-phu-47-nq-hdnd-2024.txt', AN_PHU],
  ['thai-nguyen-linh-son-36-nq-hdnd-2025.txt', LINH_SON],
];
const ALL = SEEDS.flatMap(([, ps]) => ps);

const codes = (labels: Label[], via?: Label['via']) => labels.filter((l) => !via || l.via === via).map((l) => l.code);
const own = (ps: ProvisionInput[], id: string) => classifyProvision(ps.find((p) => p.id === id) as ProvisionInput, taxonomy);
const inDoc = (ps: ProvisionInput[], id: string) => classifyDocument(ps, taxonomy).get(id) ?? [];

describe('inputs', () => {
  it.each(SEEDS)('every %s case is verbatim in its source', (file, ps) => {
    const source = raw(file);
    for (const p of ps) {
      expect(source, p.id).toContain(squash(p.text));
      if (p.heading) expect(source, p.id).toContain(squash(p.heading));
    }
  });
});

describe('taxonomy', () => {
  it('loads and validates', () => {
    expect(validateTaxonomy(TAXONOMY_JSON)).toEqual([]);
    expect(taxonomy.entries.map((e) => e.code).slice(0, 7)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);
  });

  it('gives every measure trigger rules, and names the objects: democracy and the other fields that win over it', () => {
    for (const e of taxonomy.entries.filter((x) => x.kind !== 'practice')) expect(e.rules.length, e.code).toBeGreaterThan(0);
    expect(taxonomy.objects?.democracy).toContain('dan chu');
    expect(taxonomy.objects?.other_fields.map((f) => f.id)).toEqual(expect.arrayContaining(['fire', 'exams', 'religion', 'budget', 'own-act']));
  });

  it('reports every problem of a broken taxonomy, with a hint', () => {
    const broken = structuredClone(TAXONOMY_JSON) as { entries: { code: string; parent_code: string | null; rules: { id: string; any: string[] }[] }[] };
    const [m1, m2] = broken.entries;
    if (!m1 || !m2 || !m1.rules[0] || !m2.rules[0]) throw new Error('taxonomy too short');
    m1.rules[0].any.push('bồi dưỡng');
    m2.rules[0].id = m1.rules[0].id;
    m2.parent_code = 'M9';
    m1.rules[0].any.push('xu ly ...');
    const problems = validateTaxonomy(broken);
    expect(problems.some((p) => p.includes('is not folded; hint: write "boi duong"'))).toBe(true);
    expect(problems.some((p) => p.includes('M2.rules[0].id'))).toBe(true);
    expect(problems.some((p) => p.includes('"M9" is not a code'))).toBe(true);
    expect(problems.some((p) => p.includes('gap at an end'))).toBe(true);
    expect(() => parseTaxonomy(broken)).toThrow(/taxonomy\.json is invalid/);
  });

  it('folds with a map exactly as foldVi does, for NFC, NFD, OCR and messy spacing', () => {
    for (const s of ['Üy ban nhân dân tỉnh', 'Ủy ban', 'Uỷ ban', '  Đẩy mạnh\r\n ứng dụng  ', 'KHOÁ XV', 'Thường trực HĐND'.normalize('NFD'), 'a\u00a0b']) {
      const ft = foldWithMap(s);
      expect(ft.folded).toBe(foldVi(s));
      expect(ft.starts).toHaveLength(ft.folded.length);
    }
    expect(foldWithMap('Üy ban').folded).toBe('uy ban');
  });

  it('matches phrases across commas and dashes, skips words at "...", and never crosses a semicolon', () => {
    const hit = (phrase: string, text: string) => findAll(compilePhrase(phrase), foldWithMap(text)).length > 0;
    expect(hit('kiem tra giam sat', 'kiểm tra, giám sát')).toBe(true);
    expect(hit('khoa hoc ky thuat', 'khoa học - kỹ thuật')).toBe(true);
    expect(hit('xu ly ... vi pham', 'xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm')).toBe(true);
    expect(hit('xu ly ... vi pham', 'xử lý hồ sơ; vi phạm')).toBe(false);
    expect(hit('so ket tong ket', 'trên cơ sở kết quả đánh giá')).toBe(false);
    expect(hit('dao tao', 'đào tạonghề')).toBe(false);
  });
});

/** Measure clauses: the heading names the measure, whatever its position (Hải Phòng lists information first). */
const MEASURE_CLAUSES: [string, ProvisionInput[], string, string][] = [
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-1', 'M1'],
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-2', 'M2'],
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-3', 'M3'],
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-4', 'M4'],
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-5', 'M5'],
  ['Lạng Sơn', LANG_SON, 'dieu-4.khoan-7', 'X2'],
  ['Sơn La', SON_LA, 'dieu-1.khoan-1', 'M1'],
  ['Sơn La', SON_LA, 'dieu-1.khoan-2', 'M2'],
  ['Sơn La', SON_LA, 'dieu-1.khoan-3', 'M3'],
  ['Sơn La', SON_LA, 'dieu-1.khoan-4', 'M4'],
  ['Sơn La', SON_LA, 'dieu-1.khoan-5', 'M5'],
  ['Hải Phòng', HAI_PHONG, 'dieu-2.khoan-1', 'M2'],
  ['Hải Phòng', HAI_PHONG, 'dieu-2.khoan-2', 'M1'],
  ['Hải Phòng', HAI_PHONG, 'dieu-2.khoan-3', 'M3'],
  ['Hải Phòng', HAI_PHONG, 'dieu-2.khoan-6', 'X1'],
  ['Hải Phòng', HAI_PHONG, 'dieu-2.khoan-7', 'M4'],
  ['An Phú', AN_PHU, 'dieu-1.khoan-1', 'M1'],
  ['An Phú', AN_PHU, 'dieu-1.khoan-2', 'M2'],
  ['An Phú', AN_PHU, 'dieu-1.khoan-3', 'M3'],
  ['An Phú', AN_PHU, 'dieu-1.khoan-4', 'M4'],
  ['An Phú', AN_PHU, 'dieu-1.khoan-5', 'M5'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-1', 'M1'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-2', 'M2'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-3', 'M3'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-4', 'M4'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-5', 'M5'],
  ['Linh Sơn', LINH_SON, 'dieu-1.khoan-2-6', 'X1'],
];

describe('measure clauses by their own words', () => {
  it.each(MEASURE_CLAUSES)('%s %s → %s', (_, ps, id, code) => {
    const labels = inDoc(ps, id);
    const measures = labels.filter((l) => /^[MX]\d$/.test(l.code));
    // Hải Phòng 2.2 trains the Boards' members too: X2 beside M1 (issue 16: members as trainees included).
    expect(measures.map((l) => l.code).filter((c) => !(ps === HAI_PHONG && id === 'dieu-2.khoan-2' && c === 'X2'))).toEqual([code]);
    const l = measures[0] as Label;
    expect(l.rule.startsWith(`${code}.`)).toBe(true);
    if (code !== 'X2') expect(l.object, `${id}: an object is recorded`).toBeTruthy();
  });

  it('gives articles and the clauses that only announce the measures no label', () => {
    for (const [ps, id] of [[LANG_SON, 'dieu-4'], [SON_LA, 'dieu-1'], [HAI_PHONG, 'dieu-2'], [AN_PHU, 'dieu-1'], [LINH_SON, 'dieu-1'], [LINH_SON, 'dieu-1.khoan-2']] as const) {
      expect(own(ps, id), id).toEqual([]);
    }
  });
});

describe('measure clauses without a heading, by text', () => {
  it('Lạng Sơn 4.6 (reporting, inspection, handling violations) → X1', () => {
    const labels = own(LANG_SON, 'dieu-4.khoan-6');
    expect(codes(labels, 'text')).toEqual(['M4', 'X1']);
    expect(labels.find((l) => l.code === 'X1')).toMatchObject({ matched: ['kiểm tra'], object: 'dân chủ', object_from: 'text' });
  });

  it('Hải Phòng 2.4 (funding for Front supervision and for the boards) → X2 only', () => {
    const labels = own(HAI_PHONG, 'dieu-2.khoan-4');
    expect(codes(labels).filter((c) => /^[MX]\d$/.test(c))).toEqual(['X2']);
    expect(labels[0]?.matched).toEqual(['Ban Thanh tra nhân dân', 'Ban Giám sát đầu tư']);
  });

  it('Hải Phòng 2.5, whose intro line ends in a period (no heading from the parser) → M5 by text, heading or not', () => {
    const p = HAI_PHONG.find((x) => x.id === 'dieu-2.khoan-5') as ProvisionInput;
    expect(p.heading).toBeNull();
    expect(codes(classifyProvision(p, taxonomy), 'text')).toContain('M5');
    const asHeading = { ...p, heading: p.text.replace(/\.$/, '') };
    expect(codes(classifyProvision(asHeading, taxonomy)).filter((c) => /^[MX]/.test(c))).toEqual(['M5']);
  });

  it('an article heading printed apart from its text is the provision\'s own words (via heading)', () => {
    const p = P('dieu-9', null, 'Khen thưởng trong thực hiện dân chủ ở cơ sở', 'Thực hiện theo quy định.');
    expect(classifyProvision(p, taxonomy)).toMatchObject([{ code: 'M4', via: 'heading', object_from: 'text' }]);
  });
});

describe('points: what the text is about, not what it mentions', () => {
  it('Sơn La 5.đ (a reporting regime, under the ICT clause) → X1 by text, placed under M5 but not coded M5', () => {
    const labels = inDoc(SON_LA, 'dieu-1.khoan-5.diem-dd');
    expect(labels.find((l) => l.code === 'X1')).toMatchObject({ via: 'text', rule: 'X1.bao-cao', matched: ['chế độ báo cáo'] });
    expect(codes(labels)).not.toContain('M5');
    expect(placedUnder(SON_LA, classifyDocument(SON_LA, taxonomy)).get('dieu-1.khoan-5.diem-dd')).toEqual(['M5']);
  });

  it('An Phú 3.c and Linh Sơn 2.3.c (the boards, under the leaders clause) → X2 by text, not M3', () => {
    expect(own(AN_PHU, 'dieu-1.khoan-3.diem-c').find((l) => l.code === 'X2')).toMatchObject({ via: 'text', rule: 'X2.ban' });
    expect(own(LINH_SON, 'dieu-1.khoan-2-3.diem-c').find((l) => l.code === 'X2')).toMatchObject({ via: 'text', rule: 'X2.ban' });
    expect(codes(inDoc(AN_PHU, 'dieu-1.khoan-3.diem-c'))).toEqual(['X2']);
  });

  it('Hải Phòng 2.3.b (funding and premises for the boards) → M5 (Điều 8 khoản 5: other necessary conditions) and X2', () => {
    expect(codes(own(HAI_PHONG, 'dieu-2.khoan-3.diem-b'))).toEqual(['M5', 'X2']);
  });

  it('a training sentence that lists ICT skills is M1, not M5; one that trains the boards\' members is M1 and X2', () => {
    for (const [ps, id] of [[LANG_SON, 'dieu-4.khoan-1.diem-b'], [SON_LA, 'dieu-1.khoan-1.diem-a'], [AN_PHU, 'dieu-1.khoan-1.diem-a'], [HAI_PHONG, 'dieu-2.khoan-2']] as const) {
      const c = codes(own(ps, id));
      expect(c, id).toContain('M1');
      expect(c, id).not.toContain('M5');
    }
    expect(codes(own(LANG_SON, 'dieu-4.khoan-1.diem-b'))).toContain('X2');
  });

  it('training in ICT under the ICT clause is M1 by text only: the clause places it, it does not code it', () => {
    for (const [ps, id] of [[SON_LA, 'dieu-1.khoan-5.diem-c'], [LINH_SON, 'dieu-1.khoan-2-5.diem-b']] as const) {
      const labels = inDoc(ps, id);
      expect(labels.map((l) => `${l.code}/${l.via}`), id).toEqual(['M1/text']);
      expect(placedUnder(ps, classifyDocument(ps, taxonomy)).get(id), id).toEqual(['M5']);
    }
  });

  it('applying ICT to communication (Hải Phòng 2.1.b) is M2 and M5, the object read in the clause\'s heading', () => {
    expect(codes(own(HAI_PHONG, 'dieu-2.khoan-1.diem-b'), 'text')).toEqual(['P-chuyen-doi-so']);
    const labels = inDoc(HAI_PHONG, 'dieu-2.khoan-1.diem-b');
    expect(codes(labels)).toEqual(['M2', 'M5', 'P-chuyen-doi-so']);
    expect(labels[0]).toMatchObject({ object_from: 'heading', object_in: 'dieu-2.khoan-1' });
  });

  it('citizens\' right to "kiểm tra, giám sát" is not the authorities\' inspection (Sơn La 3.c vs 3.d)', () => {
    expect(codes(own(SON_LA, 'dieu-1.khoan-3.diem-c'))).toEqual([]);
    expect(codes(own(SON_LA, 'dieu-1.khoan-3.diem-d'))).toEqual(['X1']);
  });

  it('a portal named as the place to post is not M5 (Sơn La 2.d)', () => {
    expect(codes(own(SON_LA, 'dieu-1.khoan-2.diem-d'))).toEqual(['P-cong-khai']);
  });

  it('"trên cơ sở kết quả" is not "sơ kết" (An Phú 3.e)', () => {
    expect(codes(own(AN_PHU, 'dieu-1.khoan-3.diem-e'))).not.toContain('X1');
  });

  it('evaluation criteria in the rewards clause are M3, not M4 (Hải Phòng 2.7.b)', () => {
    expect(codes(inDoc(HAI_PHONG, 'dieu-2.khoan-7.diem-b'))).toEqual(['M3', 'P-cai-cach-hanh-chinh']);
  });

  it('tags practices: QR codes and citizen reception (Lạng Sơn 4.5.d), law contests, dialogue', () => {
    const labels = own(LANG_SON, 'dieu-4.khoan-5.diem-d');
    expect(labels.find((l) => l.code === 'P-ma-qr')?.matched).toEqual(['mã QRcode']);
    expect(codes(labels)).toEqual(['M5', 'P-tiep-cong-dan', 'P-ma-qr']);
  });

  it('gives a provision with no measure words no label', () => {
    expect(classifyProvision(P('dieu-1.khoan-2.diem-c', 'dieu-1.khoan-2', null, 'Các tổ chức, cá nhân có liên quan đến thực hiện dân chủ ở cơ sở.'), taxonomy)).toEqual([]);
    expect(classifyProvision(P('dieu-3.khoan-1', 'dieu-3', null, 'Ngân sách nhà nước.'), taxonomy)).toEqual([]);
    expect(classifyProvision(P('x', null, null, ''), taxonomy)).toEqual([]);
  });
});

describe('labels are explainable', () => {
  it('say which rule of their own code matched, the trigger and the object as printed, and where the object is', () => {
    const ruleCode = new Map(taxonomy.entries.flatMap((e) => e.rules.map((r) => [r.id, e.code] as const)));
    const practice = new Set(taxonomy.entries.filter((e) => e.kind === 'practice').map((e) => e.code));
    for (const [, ps] of SEEDS) {
      const byId = new Map(ps.map((p) => [p.id, p]));
      const words = (id: string) => squash(`${byId.get(id)?.heading ?? ''}\n${byId.get(id)?.text ?? ''}`);
      for (const [id, labels] of classifyDocument(ps, taxonomy)) {
        for (const l of labels) {
          expect(ruleCode.get(l.rule), `${id} ${l.rule}`).toBe(l.code);
          expect(l.matched.length, `${id} ${l.code}`).toBeGreaterThan(0);
          if (l.object_from === null || l.object_from === 'text') for (const w of l.matched) expect(words(id), `${id} ${l.code}`).toContain(w);
          if (practice.has(l.code)) expect(l.object, `${id} ${l.code}`).toBeNull();
          if (l.object !== null) {
            expect(l.object_in, `${id} ${l.code}`).not.toBeNull();
            expect(words(l.object_in as string), `${id} ${l.code}`).toContain(l.object.split('; ')[0]);
            expect(l.object_in === id).toBe(l.object_from === 'text');
          }
        }
      }
    }
  });

  it('are the same for NFD input as for NFC', () => {
    for (const p of ALL) {
      const nfd = { ...p, text: p.text.normalize('NFD'), heading: p.heading?.normalize('NFD') ?? null };
      expect(classifyProvision(nfd, taxonomy), p.id).toEqual(classifyProvision(p, taxonomy));
    }
  });
});

describe('classifyDocument', () => {
  it('never passes a measure clause\'s code down: points keep their own codes, the clause places them', () => {
    const m = classifyDocument(LANG_SON, taxonomy);
    expect(codes(m.get('dieu-4.khoan-1.diem-a') ?? [])).toEqual(['M1']);
    expect(m.get('dieu-4.khoan-1.diem-a')?.[0]).toMatchObject({ via: 'text', rule: 'M1.chuyen-mon', matched: ['nâng cao năng lực'], object: 'dân chủ', object_from: 'text' });
    expect(codes(m.get('dieu-4.khoan-7.diem-a') ?? [])).toEqual(['X2']);
    expect(codes(m.get('dieu-4.khoan-3.diem-a') ?? [])).toEqual(['P-cong-khai']);
    expect(placedUnder(LANG_SON, m).get('dieu-4.khoan-3.diem-a')).toEqual(['M3']);
    expect(placedUnder(LANG_SON, m).get('dieu-4.khoan-3')).toEqual([]);
  });

  it('reads the object in the enclosing heading when the point\'s own words name none (Sơn La 4: "Khen thưởng, kỷ luật")', () => {
    expect(inDoc(SON_LA, 'dieu-1.khoan-4')).toMatchObject([{ code: 'M4', object_from: 'article', object_in: 'dieu-1' }]);
    expect(own(SON_LA, 'dieu-1.khoan-4')).toEqual([]);
  });

  it('lets an explicit object from another field win over the heading\'s (fire safety, exams, the resolution\'s own publicity)', () => {
    const clause = P('dieu-2.khoan-2', 'dieu-2', null, 'Tăng cường công tác thông tin, tuyên truyền về thực hiện dân chủ ở cơ sở, gồm:');
    for (const text of [
      'Tổ chức tuyên truyền, phổ biến nội dung của Nghị quyết đến cán bộ và Nhân dân.',
      'Tuyên truyền, phổ biến kiến thức về phòng cháy, chữa cháy.',
      'Chi khen thưởng các kỳ thi chọn học sinh giỏi.',
      'Tập huấn, bồi dưỡng cho cán bộ làm công tác tín ngưỡng, tôn giáo.',
    ]) {
      expect(codes(classifyDocument([clause, P('x', 'dieu-2.khoan-2', null, text)], taxonomy).get('x') ?? []), text).toEqual([]);
    }
    expect(codes(classifyDocument([clause, P('x', 'dieu-2.khoan-2', null, 'Đẩy mạnh tuyên truyền trên báo, đài.')], taxonomy).get('x') ?? [])).toEqual(['M2']);
  });

  it('reads sense, not spelling: names of bodies and money called bồi dưỡng do not trigger', () => {
    const ctx = P('dieu-1', null, 'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở', 'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở');
    const of = (text: string) => codes(classifyDocument([ctx, P('x', 'dieu-1', null, text)], taxonomy).get('x') ?? []);
    expect(of('Thường trực Hội đồng Thi đua - Khen thưởng tỉnh tham mưu.')).toEqual([]);
    expect(of('Mức chi bồi dưỡng cho người làm nhiệm vụ tiếp công dân.')).not.toContain('M1');
    expect(of('Bồi dưỡng nghiệp vụ cho tuyên truyền viên pháp luật ở cơ sở.')).toEqual(['M1']);
  });

  it('gives no measure under a heading whose role carries none (scope, rights, lists of what is disclosed)', () => {
    const art = P('dieu-5', null, 'Quyền của công dân trong thực hiện dân chủ ở cơ sở', 'Quyền của công dân trong thực hiện dân chủ ở cơ sở');
    const point = P('dieu-5.khoan-3', 'dieu-5', null, 'Kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở; được khen thưởng.');
    expect(classifyDocument([art, point], taxonomy).get('dieu-5.khoan-3')).toEqual([]);
    const measures = { ...art, heading: 'Nội dung các biện pháp bảo đảm thực hiện dân chủ ở cơ sở', text: '' };
    expect(codes(classifyDocument([measures, point], taxonomy).get('dieu-5.khoan-3') ?? [])).toEqual(['M4', 'X1']);
  });

  it('counts the Fatherland Front\'s supervision and social criticism as X1, a Board\'s own work as X2 only', () => {
    const of = (heading: string, text: string) => codes(classifyDocument([P('a', null, heading, heading), P('x', 'a', null, text)], taxonomy).get('x') ?? []);
    expect(of('Trách nhiệm của Ủy ban Mặt trận Tổ quốc Việt Nam các cấp', 'Giám sát, phản biện xã hội đối với việc thực hiện dân chủ ở cơ sở.')).toEqual(['X1', 'P-giam-sat-phan-bien']);
    expect(of('Nhiệm vụ, quyền hạn của Ban Thanh tra nhân dân', 'Kiểm tra việc thực hiện dân chủ ở cơ sở.')).toEqual(['X2']);
  });

  it('does not depend on order, document or position: reversed input with other ids gives the same labels', () => {
    const base = classifyDocument(HAI_PHONG, taxonomy);
    const renamed = [...HAI_PHONG].reverse().map((p) => ({ ...p, id: `x/${p.id}`, parentId: p.parentId && `x/${p.parentId}` }));
    const other = classifyDocument(renamed, taxonomy);
    for (const [id, labels] of base) {
      expect(other.get(`x/${id}`)?.map((l) => ({ ...l, object_in: l.object_in?.replace(/^x\//, '') ?? null })), id).toEqual(labels);
    }
  });

  it('stops at a missing parent and at a cycle', () => {
    const a = P('a', 'b', null, 'Tăng cường công tác kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở');
    const b = P('b', 'a', 'Khen thưởng, kỷ luật', 'Khen thưởng, kỷ luật');
    const m = classifyDocument([a, b, P('c', 'nowhere', null, 'Khen thưởng.')], taxonomy);
    expect(codes(m.get('a') ?? [])).toEqual(['X1']);
    // b names no object itself: it finds one in a, its parent in the cycle, and the walk stops there.
    expect(m.get('b')).toMatchObject([{ code: 'M4', object_from: 'heading', object_in: 'a' }]);
    expect(m.get('c')).toEqual([]);
  });
});
