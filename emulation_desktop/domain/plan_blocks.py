"""The editable wording blocks of the Kế hoạch (defaults adapted from the seed plan
21/KH-UBND of 2024): a commune rewrites them in Cài đặt → Văn bản mẫu."""

from __future__ import annotations

from emulation_desktop.domain.text_blocks import TextBlock

GROUP = "Kế hoạch thi đua, khen thưởng"
_BASE_FIELDS = ("nam", "xa", "Xa", "ubnd", "tinh")


def _block(key: str, label: str, default: str, *extra: str) -> TextBlock:
    return TextBlock(f"ke_hoach.{key}", GROUP, label, default, _BASE_FIELDS + extra)


CAN_CU = _block(
    "can_cu", "Căn cứ (mỗi dòng một căn cứ)", "{can_cu}", "can_cu"
)  # the commune may add its own lines (a resolution of the Party committee) around the law's
MUC_DICH = _block(
    "muc_dich", "I.1. Mục đích",
    "- Tổ chức hiệu quả các phong trào thi đua yêu nước nhằm phát huy sức mạnh tổng hợp của cả "
    "hệ thống chính trị và các tầng lớp Nhân dân, huy động tối đa mọi tiềm năng, nguồn lực, thực "
    "hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {nam}; thiết thực chào mừng các ngày "
    "lễ lớn, các sự kiện quan trọng của đất nước{ky_niem}.\n"
    "- Nâng cao trách nhiệm của người đứng đầu địa phương trong việc triển khai thực hiện phong "
    "trào thi đua và công tác khen thưởng. Thực hiện tốt các quy định của pháp luật về thi đua, "
    "khen thưởng; bảo đảm khen thưởng thực chất, động viên, tôn vinh kịp thời các gương điển "
    "hình tiên tiến, người tốt, việc tốt trong các phong trào thi đua yêu nước.",
    "ky_niem",
)  # fmt: skip
YEU_CAU = _block(
    "yeu_cau", "I.2. Yêu cầu",
    "- Phát động phong trào thi đua bảo đảm thiết thực, gắn với việc thực hiện nhiệm vụ chính "
    "trị và các chỉ tiêu kế hoạch được giao, phù hợp với đặc điểm tình hình thực tế với nhiều "
    "hình thức, nội dung phong phú, đa dạng, tạo động lực phấn đấu hoàn thành xuất sắc nhiệm vụ "
    "năm {nam}.\n"
    "- Nâng cao chất lượng, hiệu quả của công tác khen thưởng, bảo đảm chính xác, kịp thời, công "
    "khai, minh bạch, thúc đẩy thi đua thực hiện tốt, hoàn thành xuất sắc các nhiệm vụ chính trị "
    "được giao.",
)  # fmt: skip
QUAN_LY = _block(
    "quan_ly", "II.1. Quản lý nhà nước về thi đua, khen thưởng",
    "- Tiếp tục quán triệt, tuyên truyền và triển khai thực hiện tốt chủ trương của Đảng, chính "
    "sách, pháp luật của Nhà nước về thi đua, khen thưởng; tạo sự chuyển biến mạnh mẽ trong tư "
    "tưởng, nhận thức của cán bộ và Nhân dân về vị trí, vai trò của công tác thi đua, khen "
    "thưởng; nâng cao trách nhiệm của người đứng đầu cấp ủy, chính quyền trong việc lãnh đạo, chỉ "
    "đạo, đôn đốc, kiểm tra thực hiện nhiệm vụ công tác thi đua, khen thưởng.\n"
    "- Tổ chức triển khai Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành, "
    "bảo đảm kịp thời, đúng quy định. Rà soát, sửa đổi, bổ sung, ban hành mới các văn bản trong "
    "lĩnh vực thi đua, khen thưởng bảo đảm phù hợp với quy định của pháp luật hiện hành và điều "
    "kiện thực tiễn của {xa}.\n"
    "- Thực hiện công tác kiểm tra, giám sát thực hiện công tác thi đua, khen thưởng theo đúng "
    "quy định của pháp luật; giải quyết kịp thời đơn thư khiếu nại, kiến nghị trong lĩnh vực thi "
    "đua, khen thưởng.",
)  # fmt: skip
KHEN_THUONG = _block(
    "khen_thuong", "II.3. Công tác khen thưởng",
    "- Nâng cao chất lượng công tác khen thưởng, bảo đảm kịp thời, chính xác, công khai, công "
    "bằng, đúng quy định, có tác dụng động viên, giáo dục và nêu gương. Thực hiện tốt công tác "
    "thẩm định hồ sơ, xét khen thưởng và đề nghị cấp có thẩm quyền khen thưởng; chú trọng khen "
    "thưởng thành tích đột xuất, khen thưởng thành tích xuất sắc trong các phong trào thi đua, "
    "khen thưởng chuyên đề trong các lĩnh vực.\n"
    "- Năm {nam}, UBND - Hội đồng Thi đua, Khen thưởng {xa} xét khen thưởng và đề nghị cấp trên "
    "khen thưởng cho các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc trong các lĩnh vực "
    "công tác, góp phần thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an "
    "ninh:\n"
    "+ Đề nghị cấp trên khen thưởng: Hội đồng Thi đua, Khen thưởng {xa} họp xét và trình cấp "
    "trên khen thưởng vào dịp tổng kết phong trào thi đua, công tác khen thưởng năm {nam}; khen "
    "thưởng theo chuyên đề, đột xuất thực hiện kịp thời khi có thành tích.\n"
    "+ Khen thưởng của Chủ tịch {ubnd}: công chức làm công tác thi đua, khen thưởng căn cứ hồ sơ "
    "đề nghị và kết quả đánh giá mức độ hoàn thành nhiệm vụ của các tập thể, cá nhân; thẩm định, "
    "báo cáo Hội đồng Thi đua, Khen thưởng {xa} xem xét, đề nghị khen thưởng kịp thời, phù hợp.\n"
    "- Tăng cường ứng dụng công nghệ thông tin; thực hiện tốt dịch vụ công trực tuyến đối với "
    "các thủ tục hành chính trong lĩnh vực thi đua, khen thưởng, tạo điều kiện thuận lợi cho các "
    "tổ chức và cá nhân.",
)  # fmt: skip
DIEN_HINH = _block(
    "dien_hinh", "II.4. Tuyên truyền, phát hiện và nhân rộng điển hình tiên tiến",
    "- Tiếp tục đẩy mạnh công tác tuyên truyền, giáo dục về truyền thống yêu nước, về tư tưởng "
    "thi đua yêu nước của Chủ tịch Hồ Chí Minh; xây dựng các chuyên mục, tin bài về các phong "
    "trào thi đua, gương điển hình tiên tiến trong các lĩnh vực của đời sống xã hội để tạo hiệu "
    "ứng lan tỏa tích cực trong cộng đồng.\n"
    "- Thường xuyên cập nhật, đăng tải các tin bài về gương điển hình tiên tiến, gương người tốt, "
    "việc tốt trên trang thông tin điện tử, kênh Zalo của {ubnd} và trên hệ thống truyền thanh để "
    "cán bộ, công chức, viên chức, người lao động và Nhân dân được tiếp cận, hưởng ứng.\n"
    "- Thực hiện tốt việc tổ chức trao tặng, đón nhận các danh hiệu thi đua, các hình thức khen "
    "thưởng theo đúng quy định, bảo đảm trang trọng, tiết kiệm và có ý nghĩa giáo dục, tuyên "
    "truyền.",
)  # fmt: skip
HOI_DONG = _block(
    "hoi_dong", "II.5. Hội đồng Thi đua, Khen thưởng",
    "- Thường xuyên kiện toàn, nâng cao hiệu quả hoạt động của Hội đồng Thi đua, Khen thưởng "
    "{xa} và vai trò, trách nhiệm của thành viên Hội đồng trong việc chỉ đạo, kiểm tra, giám sát "
    "tổ chức phong trào thi đua, thực hiện chính sách, pháp luật về khen thưởng; đề xuất các biện "
    "pháp tổ chức thực hiện công tác thi đua, khen thưởng, đặc biệt trong việc phát hiện, đề xuất "
    "khen thưởng cho tập thể, cá nhân điển hình tiêu biểu.\n"
    "- Hội đồng Thi đua, Khen thưởng {xa} xây dựng kế hoạch kiểm tra, giám sát việc tổ chức phát "
    "động các phong trào thi đua, triển khai thực hiện chính sách, pháp luật về khen thưởng.",
)  # fmt: skip
TO_CHUC = _block(
    "to_chuc", "III. Tổ chức thực hiện (mỗi đoạn một mục, chương trình tự đánh số)",
    "Phát động, triển khai các phong trào thi đua gắn với lĩnh vực, nhiệm vụ cụ thể của từng cơ "
    "quan, đơn vị; gắn việc thực hiện nhiệm vụ chính trị với việc đẩy mạnh học tập và làm theo tư "
    "tưởng, đạo đức, phong cách Hồ Chí Minh.\n"
    "Tổ chức phát động thi đua và sơ kết, tổng kết để đánh giá, phát huy những thành tích đã đạt "
    "được, khắc phục những mặt còn hạn chế, tồn tại.\n"
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội {xa} phối hợp "
    "chặt chẽ với cấp ủy, chính quyền vận động đoàn viên, hội viên, cán bộ, công chức, viên chức, "
    "người lao động và các tầng lớp Nhân dân tích cực hưởng ứng, tham gia các phong trào thi đua, "
    "để phong trào thi đua thực sự là động lực thực hiện thắng lợi các nhiệm vụ kinh tế - xã hội, "
    "quốc phòng - an ninh năm {nam}.",
)  # fmt: skip
KET_THUC = _block(
    "ket_thuc", "Câu kết",
    "Trên đây là {ten_ke_hoach} của {ubnd}. Yêu cầu các bộ phận, cán bộ, công chức, các cơ quan, "
    "đơn vị, thôn, tổ dân phố triển khai thực hiện Kế hoạch này./.",
    "ten_ke_hoach",
)  # fmt: skip
NOI_NHAN = _block(
    "noi_nhan", "Nơi nhận (mỗi dòng một nơi)",
    "- UBND tỉnh {tinh};\n"
    "- Thường trực Đảng ủy, HĐND {xa};\n"
    "- Lãnh đạo UBND {xa};\n"
    "- Ủy ban MTTQ Việt Nam và các đoàn thể {xa};\n"
    "- Các cơ quan, đơn vị, thôn, tổ dân phố;\n"
    "- Lưu: VT.",
)  # fmt: skip

BLOCKS: tuple[TextBlock, ...] = (
    CAN_CU, MUC_DICH, YEU_CAU, QUAN_LY, KHEN_THUONG, DIEN_HINH, HOI_DONG, TO_CHUC, KET_THUC,
    NOI_NHAN,
)  # fmt: skip

# The data -------------------------------------------------------------------------------------
