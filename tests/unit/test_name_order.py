"""Name order: compound family names, tricky names, and the stored sort string the lists use."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from emulation_desktop.domain.text import (
    name_sort_key,
    name_sort_text,
    split_name,
    text_sort_text,
)


def test_compound_family_names_are_kept_whole() -> None:
    assert split_name("Hoàng Phủ Ngọc Tường") == ("Hoàng Phủ", "Ngọc", "Tường")
    assert split_name("Tôn Nữ Thị Ninh") == ("Tôn Nữ", "Thị", "Ninh")
    assert split_name("Công Tằng Tôn Nữ Thị Bích") == ("Công Tằng Tôn Nữ", "Thị", "Bích")
    assert split_name("ÂU DƯƠNG LÂN") == ("ÂU DƯƠNG", "", "LÂN")


def test_a_compound_word_alone_is_not_taken_for_a_family_name() -> None:
    # "Tôn Thất" with nothing after it is a family name and a given name, not a family name only.
    assert split_name("Tôn Thất") == ("Tôn", "", "Thất")
    assert split_name("Hoàng Phủ") == ("Hoàng", "", "Phủ")


def test_one_word_names_have_only_a_given_name() -> None:
    assert split_name("Hùng") == ("", "", "Hùng")
    assert split_name("  ") == ("", "", "")


def test_compound_family_name_does_not_sort_its_second_word_as_a_middle_name() -> None:
    # Same given name: the middle name decides, "Ngọc" before "Văn"; "Phủ" must not count.
    names = ["Lê Văn Tường", "Hoàng Phủ Ngọc Tường"]
    assert sorted(names, key=name_sort_key) == ["Hoàng Phủ Ngọc Tường", "Lê Văn Tường"]


def test_names_with_thi_sort_by_given_name_first() -> None:
    names = ["Nguyễn Thị Lan", "Trần Văn An", "Lê Thị Ánh", "Phạm Thị An"]
    assert sorted(names, key=name_sort_key) == [
        "Phạm Thị An",
        "Trần Văn An",
        "Lê Thị Ánh",
        "Nguyễn Thị Lan",
    ]


def test_uppercase_and_nfd_names_sort_with_their_normal_spelling() -> None:
    nfd = unicodedata.normalize("NFD", "Đặng Thị Hằng")
    names = ["NGUYỄN VĂN BÌNH", nfd, "Trần Văn An"]
    ordered = sorted(names, key=name_sort_text)
    assert ordered == ["Trần Văn An", "NGUYỄN VĂN BÌNH", nfd]
    assert name_sort_text(nfd) == name_sort_text("Đặng Thị Hằng")


def test_sort_text_is_plain_ascii() -> None:
    assert name_sort_text("Nguyễn Văn Ưng 2").isascii()
    assert text_sort_text("Tổ dân phố số 3").isascii()


def test_text_sort_follows_the_vietnamese_alphabet_from_the_first_word() -> None:
    units = ["Trường Tiểu học", "Đoàn Thanh niên", "Ủy ban MTTQ", "Tổ dân phố số 2", "Dân quân"]
    assert sorted(units, key=text_sort_text) == [
        "Dân quân",
        "Đoàn Thanh niên",
        "Tổ dân phố số 2",
        "Trường Tiểu học",
        "Ủy ban MTTQ",
    ]


_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
_TONED = "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_word = st.text(alphabet=_LETTERS + _TONED + "fjwz0-", min_size=1, max_size=6)
_name = st.lists(_word, min_size=0, max_size=5).map(" ".join)
_names = st.lists(
    st.one_of(
        _name,
        st.sampled_from(["Hoàng Phủ", "Tôn Nữ", "Âu Dương"]).flatmap(
            lambda fam: _name.map(lambda rest: f"{fam} {rest}")
        ),
    ),
    min_size=2,
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_names)
def test_stored_sort_text_orders_exactly_like_the_sort_key(names: list[str]) -> None:
    by_key = sorted(names, key=lambda n: (name_sort_key(n), n))
    by_text = sorted(names, key=lambda n: (name_sort_text(n), n))
    assert [name_sort_key(n) for n in by_key] == [name_sort_key(n) for n in by_text]


def test_legacy_converters_are_reachable_where_the_design_names_them() -> None:
    from emulation_desktop.domain.text import tcvn3_to_unicode, vni_to_unicode

    assert tcvn3_to_unicode("NguyÔn ThÞ H»ng") == "Nguyễn Thị Hằng"
    assert vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
