# Generated from ui/setup_dialog.ui by tools/build_forms.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(640, 560)
        SetupDialog.setModal(True)
        self.main_layout = QVBoxLayout(SetupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SetupDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.commune_group = QGroupBox(SetupDialog)
        self.commune_group.setObjectName(u"commune_group")
        self.commune_form = QFormLayout(self.commune_group)
        self.commune_form.setObjectName(u"commune_form")
        self.kind_label = QLabel(self.commune_group)
        self.kind_label.setObjectName(u"kind_label")

        self.commune_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(self.commune_group)
        self.kind_combo.setObjectName(u"kind_combo")

        self.commune_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.name_label = QLabel(self.commune_group)
        self.name_label.setObjectName(u"name_label")

        self.commune_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.commune_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(80)

        self.commune_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.province_label = QLabel(self.commune_group)
        self.province_label.setObjectName(u"province_label")

        self.commune_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.province_label)

        self.province_combo = QComboBox(self.commune_group)
        self.province_combo.setObjectName(u"province_combo")
        self.province_combo.setEditable(True)
        self.province_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.commune_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.province_combo)

        self.place_label = QLabel(self.commune_group)
        self.place_label.setObjectName(u"place_label")

        self.commune_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(self.commune_group)
        self.place_edit.setObjectName(u"place_edit")
        self.place_edit.setMaxLength(80)

        self.commune_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.date_preview_label = QLabel(self.commune_group)
        self.date_preview_label.setObjectName(u"date_preview_label")

        self.commune_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_preview_label)


        self.main_layout.addWidget(self.commune_group)

        self.people_group = QGroupBox(SetupDialog)
        self.people_group.setObjectName(u"people_group")
        self.people_form = QFormLayout(self.people_group)
        self.people_form.setObjectName(u"people_form")
        self.chairman_label = QLabel(self.people_group)
        self.chairman_label.setObjectName(u"chairman_label")

        self.people_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.chairman_label)

        self.chairman_edit = QLineEdit(self.people_group)
        self.chairman_edit.setObjectName(u"chairman_edit")
        self.chairman_edit.setMaxLength(80)

        self.people_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.chairman_edit)

        self.vice1_label = QLabel(self.people_group)
        self.vice1_label.setObjectName(u"vice1_label")

        self.people_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.vice1_label)

        self.vice1_edit = QLineEdit(self.people_group)
        self.vice1_edit.setObjectName(u"vice1_edit")
        self.vice1_edit.setMaxLength(80)

        self.people_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.vice1_edit)

        self.vice2_label = QLabel(self.people_group)
        self.vice2_label.setObjectName(u"vice2_label")

        self.people_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.vice2_label)

        self.vice2_edit = QLineEdit(self.people_group)
        self.vice2_edit.setObjectName(u"vice2_edit")
        self.vice2_edit.setMaxLength(80)

        self.people_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.vice2_edit)

        self.officer_label = QLabel(self.people_group)
        self.officer_label.setObjectName(u"officer_label")

        self.people_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officer_label)

        self.officer_edit = QLineEdit(self.people_group)
        self.officer_edit.setObjectName(u"officer_edit")
        self.officer_edit.setMaxLength(80)

        self.people_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officer_edit)

        self.officer_title_label = QLabel(self.people_group)
        self.officer_title_label.setObjectName(u"officer_title_label")

        self.people_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.officer_title_label)

        self.officer_title_edit = QLineEdit(self.people_group)
        self.officer_title_edit.setObjectName(u"officer_title_edit")
        self.officer_title_edit.setMaxLength(80)

        self.people_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.officer_title_edit)


        self.main_layout.addWidget(self.people_group)

        self.error_label = QLabel(SetupDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.demo_button = QPushButton(SetupDialog)
        self.demo_button.setObjectName(u"demo_button")
        self.demo_button.setAutoDefault(False)

        self.button_row.addWidget(self.demo_button)

        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.cancel_button = QPushButton(SetupDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)

        self.save_button = QPushButton(SetupDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_row.addWidget(self.save_button)


        self.main_layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.name_label.setBuddy(self.name_edit)
        self.province_label.setBuddy(self.province_combo)
        self.place_label.setBuddy(self.place_edit)
        self.chairman_label.setBuddy(self.chairman_edit)
        self.vice1_label.setBuddy(self.vice1_edit)
        self.vice2_label.setBuddy(self.vice2_edit)
        self.officer_label.setBuddy(self.officer_edit)
        self.officer_title_label.setBuddy(self.officer_title_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_combo, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.province_combo)
        QWidget.setTabOrder(self.province_combo, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.chairman_edit)
        QWidget.setTabOrder(self.chairman_edit, self.vice1_edit)
        QWidget.setTabOrder(self.vice1_edit, self.vice2_edit)
        QWidget.setTabOrder(self.vice2_edit, self.officer_edit)
        QWidget.setTabOrder(self.officer_edit, self.officer_title_edit)
        QWidget.setTabOrder(self.officer_title_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.demo_button)

        self.retranslateUi(SetupDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Th\u00f4ng tin x\u00e3", None))
        self.intro_label.setText(QCoreApplication.translate("SetupDialog", u"H\u00e3y nh\u1eadp th\u00f4ng tin c\u1ee7a x\u00e3 (ph\u01b0\u1eddng, \u0111\u1eb7c khu). C\u00e1c th\u00f4ng tin n\u00e0y \u0111\u01b0\u1ee3c in tr\u00ean m\u1ecdi v\u0103n b\u1ea3n, quy\u1ebft \u0111\u1ecbnh v\u00e0 gi\u1ea5y khen; c\u00f3 th\u1ec3 s\u1eeda l\u1ea1i trong m\u1ee5c C\u00e0i \u0111\u1eb7t.", None))
        self.commune_group.setTitle(QCoreApplication.translate("SetupDialog", u"\u0110\u01a1n v\u1ecb h\u00e0nh ch\u00ednh", None))
        self.kind_label.setText(QCoreApplication.translate("SetupDialog", u"&Lo\u1ea1i \u0111\u01a1n v\u1ecb:", None))
        self.name_label.setText(QCoreApplication.translate("SetupDialog", u"&T\u00ean x\u00e3, ph\u01b0\u1eddng:", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"V\u00ed d\u1ee5: C\u00e1t Th\u00e0nh", None))
        self.province_label.setText(QCoreApplication.translate("SetupDialog", u"T\u1ec9nh, th\u00e0nh &ph\u1ed1:", None))
        self.place_label.setText(QCoreApplication.translate("SetupDialog", u"\u0110\u1ecba danh &ghi tr\u00ean v\u0103n b\u1ea3n:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u0110\u1ec3 tr\u1ed1ng th\u00ec d\u00f9ng t\u00ean x\u00e3", None))
        self.date_preview_label.setText("")
        self.people_group.setTitle(QCoreApplication.translate("SetupDialog", u"L\u00e3nh \u0111\u1ea1o v\u00e0 ng\u01b0\u1eddi ph\u1ee5 tr\u00e1ch", None))
        self.chairman_label.setText(QCoreApplication.translate("SetupDialog", u"&Ch\u1ee7 t\u1ecbch UBND:", None))
        self.chairman_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"H\u1ecd v\u00e0 t\u00ean \u0111\u1ea7y \u0111\u1ee7", None))
        self.vice1_label.setText(QCoreApplication.translate("SetupDialog", u"Ph\u00f3 Ch\u1ee7 t\u1ecbch UBND (&1):", None))
        self.vice1_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"Kh\u00f4ng b\u1eaft bu\u1ed9c", None))
        self.vice2_label.setText(QCoreApplication.translate("SetupDialog", u"Ph\u00f3 Ch\u1ee7 t\u1ecbch UBND (&2):", None))
        self.vice2_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"Kh\u00f4ng b\u1eaft bu\u1ed9c", None))
        self.officer_label.setText(QCoreApplication.translate("SetupDialog", u"C\u00f4ng ch\u1ee9c ph\u1ee5 tr\u00e1ch &T\u0110KT:", None))
        self.officer_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"H\u1ecd v\u00e0 t\u00ean \u0111\u1ea7y \u0111\u1ee7", None))
        self.officer_title_label.setText(QCoreApplication.translate("SetupDialog", u"C&h\u1ee9c v\u1ee5:", None))
        self.officer_title_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"V\u00ed d\u1ee5: C\u00f4ng ch\u1ee9c V\u0103n h\u00f3a \u2013 X\u00e3 h\u1ed9i", None))
        self.error_label.setText("")
        self.demo_button.setText(QCoreApplication.translate("SetupDialog", u"D\u00f9ng d\u1eef li\u1ec7u &m\u1eabu", None))
#if QT_CONFIG(tooltip)
        self.demo_button.setToolTip(QCoreApplication.translate("SetupDialog", u"N\u1ea1p m\u1ed9t x\u00e3 m\u1eabu \u0111\u1ea7y \u0111\u1ee7 (\u0111\u01a1n v\u1ecb, c\u00e1 nh\u00e2n, h\u1ed9 gia \u0111\u00ecnh) \u0111\u1ec3 l\u00e0m quen v\u1edbi ch\u01b0\u01a1ng tr\u00ecnh.", None))
#endif // QT_CONFIG(tooltip)
        self.cancel_button.setText(QCoreApplication.translate("SetupDialog", u"H\u1ee7y", None))
        self.save_button.setText(QCoreApplication.translate("SetupDialog", u"&L\u01b0u v\u00e0 b\u1eaft \u0111\u1ea7u", None))
    # retranslateUi

