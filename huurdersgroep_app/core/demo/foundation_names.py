"""Invented people for the demo group: Flemish and migrant-background names that live in Flanders.

The combinations are drawn at random, so they describe nobody in particular. Each origin keeps its
own first names so that a person's first and last name belong together; Polish surnames have a
male and a female form ("Kowalski" / "Kowalska"), written here as "Kowalski|Kowalska".
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# origin: (weight, surnames, female first names, male first names, language weights nl_BE/fr_BE/en)
ORIGINS: dict[str, tuple] = {
    "flemish": (60, [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Vermeulen", "Van den Broeck", "Hermans", "Aerts", "Pauwels", "Michiels", "Lambrecht", "Verhaeghe",
        "Vandenberghe", "Declercq", "Vanhoutte", "Deprez", "Decock", "Demeyer", "Vandamme", "Verstraete",
        "Debruyne", "Van de Velde", "Vanneste", "D'Hondt", "Coussement", "Vandekerckhove", "Dewitte", "Vervaeke",
        "Delbaere", "Ghekiere", "Lagae", "Van Damme", "Bogaert", "Verbeke", "Vanden Bussche", "Desmet",
        "Dumortier", "Vercruysse", "Ver Eecke", "Callewaert", "Dejonghe", "Santy", "Vandewalle", "Opsomer",
    ], [
        "Maria", "Godelieve", "Rita", "Christiane", "Monique", "Annemie", "Lieve", "Hilde", "Greta", "Martine",
        "Chantal", "Nicole", "Rosa", "Paula", "Mariette", "Jeanine", "Sonja", "Els", "Katrien", "Sofie", "Lies",
        "Ann", "Nathalie", "Griet", "Rosette", "Noëlla", "Hélène", "Lutgarde", "Fien", "Marleen",
    ], [
        "Jozef", "Marcel", "Roger", "Willy", "André", "Etienne", "Luc", "Dirk", "Patrick", "Geert", "Filip",
        "Johan", "Marc", "Rudi", "Eddy", "Freddy", "Pieter", "Koen", "Bart", "Tom", "Wim", "Stefaan", "Noël",
        "Gilbert", "Gaston", "Frans", "Jean-Marie", "Yves", "Kurt", "Dries",
    ], (96, 3, 1)),
    "moroccan": (12, [
        "El Amrani", "Benali", "El Idrissi", "Bouzid", "El Khattabi", "Ouali", "Azzouzi", "Bennani", "El Ouardi",
        "Haddouchi", "Chakir", "Tahiri", "Boukhari", "El Hamdaoui", "Achahbar", "Ben Haddou",
    ], [
        "Fatima", "Khadija", "Aïcha", "Naima", "Malika", "Samira", "Latifa", "Nadia", "Hanane", "Zineb", "Rachida",
    ], [
        "Mohamed", "Saïd", "Rachid", "Abdelkader", "Mustapha", "Youssef", "Karim", "Hamid", "Soufiane", "Ilias",
    ], (72, 25, 3)),
    "turkish": (9, [
        "Çelik", "Yılmaz", "Kaya", "Demir", "Şahin", "Yıldız", "Öztürk", "Aydın", "Doğan", "Arslan", "Kılıç",
        "Çakır", "Güneş", "Koç", "Özdemir",
    ], [
        "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Gül", "Tuğba", "Songül", "Özlem",
    ], [
        "Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Hasan", "İbrahim", "Murat", "Yusuf", "Ömer", "Ertuğrul", "Buğra",
    ], (85, 2, 13)),
    "polish": (4, [
        "Kowalski|Kowalska", "Nowak|Nowak", "Wiśniewski|Wiśniewska", "Wójcik|Wójcik", "Kamiński|Kamińska",
        "Lewandowski|Lewandowska", "Zieliński|Zielińska", "Szymański|Szymańska",
    ], [
        "Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Magdalena", "Jadwiga", "Bożena",
    ], [
        "Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Grzegorz",
    ], (55, 0, 45)),
    "romanian": (3, [
        "Popescu", "Ionescu", "Popa", "Dumitru", "Munteanu", "Constantinescu", "Stănescu",
    ], [
        "Ioana", "Elena", "Mihaela", "Cristina", "Ștefania", "Andreea",
    ], [
        "Andrei", "Ion", "Mihai", "Florin", "Gheorghe", "Răzvan",
    ], (50, 20, 30)),
    "vietnamese": (2, [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng",
    ], [
        "Thị Lan", "Thu Hà", "Thị Hương", "Ngọc Anh", "Thị Mai",
    ], [
        "Văn Minh", "Quang Huy", "Đức Anh", "Văn Long", "Minh Tuấn",
    ], (60, 15, 25)),
    "west_african": (4, [
        "Diallo", "Bah", "Barry", "Sow", "Camara", "Traoré", "Ndiaye", "Diop", "Keïta",
    ], [
        "Aïssatou", "Fatoumata", "Mariama", "Binta", "Awa", "Kadiatou",
    ], [
        "Mamadou", "Ibrahima", "Oumar", "Alpha", "Moussa", "Abdoulaye",
    ], (45, 45, 10)),
    "congolese": (3, [
        "Mukendi", "Kabongo", "Ilunga", "Tshibangu", "Mbuyi", "Kalala", "Lumbala",
    ], [
        "Mireille", "Béatrice", "Odette", "Chantal", "Gisèle", "Espérance",
    ], [
        "Jean-Pierre", "Patrice", "Blaise", "Papy", "Dieudonné", "Serge",
    ], (40, 58, 2)),
    "syrian_afghan": (2, [
        "Al Khatib", "Haddad", "Hamwi", "Ahmadi", "Rahimi", "Hakimi", "Sultani",
    ], [
        "Lina", "Rasha", "Zahra", "Mariam", "Nour",
    ], [
        "Rami", "Omar", "Farid", "Ahmad", "Khaled",
    ], (60, 0, 40)),
    "scandinavian": (1, [
        "Haugen", "Solberg", "Bakken", "Lindqvist",
    ], [
        "Sølvi", "Ingrid", "Åse",
    ], [
        "Ådne", "Øystein", "Håkon",
    ], (50, 0, 50)),
}

LANGUAGES = ("nl_BE", "fr_BE", "en")

# Always present (then placed at random), so the demo shows that documents print every alphabet the
# group's members write in: ç, ğ, ı, ł, ễ, å, and surname particles for the sorting.
SHOWCASE: tuple[tuple[str, str, str, str], ...] = (
    ("Łukasz", "Kowalski", "M", "polish"),
    ("Thị Lan", "Nguyễn", "F", "vietnamese"),
    ("Ådne", "Haugen", "M", "scandinavian"),
    ("Tuğba", "Doğan", "F", "turkish"),
    ("Mehmet", "Çelik", "M", "turkish"),
    ("Ayşe", "Yılmaz", "F", "turkish"),
    ("Fatima", "El Amrani", "F", "moroccan"),
    ("Mamadou", "Diallo", "M", "west_african"),
    ("Godelieve", "Van den Broeck", "F", "flemish"),
    ("Marcel", "De Smet", "M", "flemish"),
)


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    gender: str  # only to match first name and surname form
    origin: str
    language: str


def _surname(raw: str, gender: str) -> str:
    male, _sep, female = raw.partition("|")
    return female if gender == "F" and female else male


def _language(rng: random.Random, origin: str) -> str:
    return rng.choices(LANGUAGES, weights=ORIGINS[origin][4])[0]


def random_person(rng: random.Random) -> Person:
    origin = rng.choices(list(ORIGINS), weights=[o[0] for o in ORIGINS.values()])[0]
    _weight, surnames, women, men, _langs = ORIGINS[origin]
    # Older women are the most faithful members of tenant groups; slightly more women.
    gender = "F" if rng.random() < 0.55 else "M"
    first = rng.choice(women if gender == "F" else men)
    return Person(first, _surname(rng.choice(surnames), gender), gender, origin, _language(rng, origin))


def people(rng: random.Random, count: int) -> list[Person]:
    """``count`` distinct invented people: the showcase first (as many as fit), then random draws."""
    chosen: list[Person] = []
    seen: set[tuple[str, str]] = set()
    for first, last, gender, origin in SHOWCASE[:count]:
        chosen.append(Person(first, last, gender, origin, _language(rng, origin)))
        seen.add((first, last))
    attempts = 0
    while len(chosen) < count:
        person = random_person(rng)
        attempts += 1
        # Distinct full names while the pools allow; a big group may have two "Maria Peeters".
        if (person.first_name, person.last_name) in seen and attempts < count * 20:
            continue
        seen.add((person.first_name, person.last_name))
        chosen.append(person)
    return chosen
