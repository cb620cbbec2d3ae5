"""The member fields of the forms: a narrow query, sorted like the member list, current members
only unless one must stay (the chair of an old meeting)."""
from datetime import date

from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import MemberInput


def test_current_members_surname_first_in_the_groups_order_and_a_kept_former_member(db):
    with db.transaction() as s:
        made = {}
        for first, last in (("Els", "Van den Broeck"), ("Jan", "Peeters"), ("Mo", "El Amrani"), ("An", "Aerts")):
            made[last] = members.add_member(s, MemberInput(first_name=first, last_name=last, joined_on=date(2020, 1,
                                                                                                            1)),
                                            allow_duplicate=True).id
        members.end_membership(s, made["Aerts"], date(2024, 6, 30), "Moved")
    with db.reading() as s:
        current = members.member_choices(s)
        kept = members.member_choices(s, keep=(made["Aerts"],), mark_former=True)
        everyone = members.member_choices(s, active_only=False)
        full_rows = [r.id for r in members.member_rows(s, active_only=True)]
    assert sorted(label for _id, label in current) == ["El Amrani, Mo", "Peeters, Jan", "Van den Broeck, Els"]
    assert [mid for mid, _label in current] == full_rows  # the same order as the member list
    assert ("Aerts, An (former member)" in dict(kept).values()) and len(kept) == 4
    assert dict(everyone)[made["Aerts"]] == "Aerts, An"
