"""Settings, Rules: the region's rule values as the group has them, each with its kind (law,
default, proposal, to verify) and its source note, changed by the group in one save."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services import group_rules
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.kit.widgets import FieldErrors, Form, hint


def _editor(row: group_rules.RuleRow) -> QWidget:
    if row.value_type == "yesno":
        editor = QCheckBox(_("yes"))
        editor.setChecked(bool(row.value))
    elif row.value_type == "amount":
        editor = QLineEdit(row.text)
    else:
        editor = QSpinBox()
        editor.setRange(row.minimum, row.maximum)
        editor.setValue(int(row.value))
        if row.unit:
            editor.setSuffix(" " + row.unit)
    return editor


def _value(editor: QWidget):
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    return editor.text()


class RulesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.editors: dict[str, QWidget] = {}
        self.kinds: dict[str, QLabel] = {}
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("The rules the program follows, from your region's profile. Each says what kind "
                                "of rule it is: a law, a default (usual practice), a proposal, or a value still to "
                                "verify. Set the defaults to what your statutes say or what was agreed with the "
                                "landlord.")))
        self.body = QWidget()
        layout.addWidget(self.body)
        save = QPushButton(_("Save the rules"))
        save.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        layout.addStretch(1)

    def refresh(self) -> None:
        rows = self.ctx.read(group_rules.rule_rows)
        body = QWidget()
        self.errors = FieldErrors()
        form = Form(self.errors, body)
        self.editors, self.kinds = {}, {}
        for row in rows:
            line = QWidget()
            line_layout = QHBoxLayout(line)
            line_layout.setContentsMargins(0, 0, 0, 0)
            editor = _editor(row)
            kind = QLabel(f"[{row.kind_label}]")
            kind.setToolTip(row.explanation)
            line_layout.addWidget(editor)
            line_layout.addWidget(kind)
            line_layout.addStretch(1)
            form.add(row.dotted, row.label, line)
            editor.setAccessibleName(row.label)
            self.errors.fields[row.dotted] = editor
            self.editors[row.dotted] = editor
            self.kinds[row.dotted] = kind
            source = row.note
            if row.changed:
                source = _("Your group's value; the region's is {value}. {note}").format(
                    value=row.shipped_text, note=row.note)
            form.addRow(hint(f"{row.explanation} {source}".strip()))
        self.layout().replaceWidget(self.body, body)
        self.body.deleteLater()
        self.body = body

    def save(self) -> bool:
        values = {dotted: _value(editor) for dotted, editor in self.editors.items()}
        if not attempt(self.ctx, self, self.errors, lambda: self.ctx.call(group_rules.set_rules, values)):
            return False
        self.ctx.show_info(_("The rules were saved."), self)
        self.refresh()
        return True
