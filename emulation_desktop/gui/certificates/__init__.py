"""Giấy khen & In: the ceremony's certificates listed in reading order, previewed, printed on
plain paper or on pre-printed blanks, reprinted, spoiled sheets and blank stock counted; the
layout editor, the printer calibration and the blanks received."""
