# Generated from ui/about_dialog.ui by tools/build_forms.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(560, 400)
        self.main_layout = QVBoxLayout(AboutDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.header_row = QHBoxLayout()
        self.header_row.setObjectName(u"header_row")
        self.icon_label = QLabel(AboutDialog)
        self.icon_label.setObjectName(u"icon_label")
        self.icon_label.setMinimumSize(QSize(72, 72))

        self.header_row.addWidget(self.icon_label)

        self.title_column = QVBoxLayout()
        self.title_column.setObjectName(u"title_column")
        self.title_label = QLabel(AboutDialog)
        self.title_label.setObjectName(u"title_label")

        self.title_column.addWidget(self.title_label)

        self.version_label = QLabel(AboutDialog)
        self.version_label.setObjectName(u"version_label")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title_column.addWidget(self.version_label)


        self.header_row.addLayout(self.title_column)

        self.header_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_row.addItem(self.header_spacer)


        self.main_layout.addLayout(self.header_row)

        self.description_label = QLabel(AboutDialog)
        self.description_label.setObjectName(u"description_label")
        self.description_label.setWordWrap(True)

        self.main_layout.addWidget(self.description_label)

        self.files_group = QGroupBox(AboutDialog)
        self.files_group.setObjectName(u"files_group")
        self.files_form = QFormLayout(self.files_group)
        self.files_form.setObjectName(u"files_form")
        self.db_caption = QLabel(self.files_group)
        self.db_caption.setObjectName(u"db_caption")

        self.files_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.db_caption)

        self.db_path_label = QLabel(self.files_group)
        self.db_path_label.setObjectName(u"db_path_label")
        self.db_path_label.setWordWrap(True)
        self.db_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.files_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.db_path_label)

        self.log_caption = QLabel(self.files_group)
        self.log_caption.setObjectName(u"log_caption")

        self.files_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.log_caption)

        self.log_path_label = QLabel(self.files_group)
        self.log_path_label.setObjectName(u"log_path_label")
        self.log_path_label.setWordWrap(True)
        self.log_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.files_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.log_path_label)


        self.main_layout.addWidget(self.files_group)

        self.licence_label = QLabel(AboutDialog)
        self.licence_label.setObjectName(u"licence_label")
        self.licence_label.setWordWrap(True)

        self.main_layout.addWidget(self.licence_label)

        self.bottom_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.open_logs_button = QPushButton(AboutDialog)
        self.open_logs_button.setObjectName(u"open_logs_button")
        self.open_logs_button.setAutoDefault(False)

        self.button_row.addWidget(self.open_logs_button)

        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.close_button = QPushButton(AboutDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_row.addWidget(self.close_button)


        self.main_layout.addLayout(self.button_row)


        self.retranslateUi(AboutDialog)
        self.close_button.clicked.connect(AboutDialog.accept)

        self.close_button.setDefault(True)


        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Gi\u1edbi thi\u1ec7u", None))
        self.icon_label.setText("")
        self.title_label.setText("")
        self.version_label.setText("")
        self.description_label.setText(QCoreApplication.translate("AboutDialog", u"Ph\u1ea7n m\u1ec1m qu\u1ea3n l\u00fd c\u00f4ng t\u00e1c thi \u0111ua, khen th\u01b0\u1edfng c\u1ee7a \u1ee6y ban nh\u00e2n d\u00e2n c\u1ea5p x\u00e3: phong tr\u00e0o thi \u0111ua, \u0111\u00e1nh gi\u00e1, x\u00e9t khen th\u01b0\u1edfng, quy\u1ebft \u0111\u1ecbnh, gi\u1ea5y khen v\u00e0 b\u00e1o c\u00e1o. Ch\u1ea1y ho\u00e0n to\u00e0n tr\u00ean m\u00e1y, kh\u00f4ng c\u1ea7n Internet.", None))
        self.files_group.setTitle(QCoreApplication.translate("AboutDialog", u"T\u1ec7p d\u1eef li\u1ec7u tr\u00ean m\u00e1y n\u00e0y", None))
        self.db_caption.setText(QCoreApplication.translate("AboutDialog", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u:", None))
        self.db_path_label.setText("")
        self.log_caption.setText(QCoreApplication.translate("AboutDialog", u"Nh\u1eadt k\u00fd k\u1ef9 thu\u1eadt:", None))
        self.log_path_label.setText("")
        self.licence_label.setText(QCoreApplication.translate("AboutDialog", u"Ph\u00f4ng ch\u1eef Liberation Serif \u00a9 Red Hat, Inc., gi\u1ea5y ph\u00e9p SIL Open Font License 1.1. Giao di\u1ec7n d\u00f9ng Qt for Python (PySide6), gi\u1ea5y ph\u00e9p LGPL.", None))
        self.open_logs_button.setText(QCoreApplication.translate("AboutDialog", u"M\u1edf th\u01b0 m\u1ee5c &nh\u1eadt k\u00fd", None))
        self.close_button.setText(QCoreApplication.translate("AboutDialog", u"\u0110\u00f3ng", None))
    # retranslateUi

