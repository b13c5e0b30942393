"""Write a valid synthetic knowledge file with N characters, for measuring wick at scale.

People, works, credits and facts grow in proportion (about one person per character, one work per
100 characters, 1.5 credits per character, one fact per 10). Names are drawn from real first and
last names and invented syllables, so fuzzy matching has realistic work to do.

Usage: python bench/make_big_kb.py --characters 100000 -o /tmp/big.yaml
"""

from __future__ import annotations

import argparse
import random

FIRST = [
    "Ada",
    "Alan",
    "Alice",
    "Amir",
    "Ana",
    "Anton",
    "Aria",
    "Ben",
    "Bianca",
    "Boris",
    "Carla",
    "Chen",
    "Clara",
    "Dario",
    "Dmitri",
    "Elena",
    "Emil",
    "Esme",
    "Farah",
    "Felix",
    "Greta",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jana",
    "Jonas",
    "Kai",
    "Katia",
    "Lara",
    "Leo",
    "Lina",
    "Luca",
    "Maya",
    "Mila",
    "Nadia",
    "Nico",
    "Nora",
    "Omar",
    "Oskar",
    "Petra",
    "Quinn",
    "Rafael",
    "Rosa",
    "Sami",
    "Sofia",
    "Tariq",
    "Tess",
    "Uma",
    "Viktor",
    "Vera",
    "Wanda",
    "Yara",
    "Yusuf",
    "Zoe",
]
LAST = [
    "Abbott",
    "Alvarez",
    "Baranov",
    "Bauer",
    "Castillo",
    "Chang",
    "Dahl",
    "Delacroix",
    "Egan",
    "Esposito",
    "Farrow",
    "Fischer",
    "Garza",
    "Haddad",
    "Hoffman",
    "Ibarra",
    "Ito",
    "Jovanovic",
    "Kaur",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Novak",
    "Okafor",
    "Ortega",
    "Petrov",
    "Quispe",
    "Ramos",
    "Rossi",
    "Santos",
    "Schmidt",
    "Takahashi",
    "Torres",
    "Ueda",
    "Vasquez",
    "Volkov",
    "Weber",
    "Xu",
    "Yamada",
    "Zeller",
]
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ta",
    "ne",
    "lu",
    "si",
    "vo",
    "ra",
    "pe",
    "zu",
    "do",
    "mi",
    "ga",
    "lo",
    "fe",
    "ni",
    "sa",
    "to",
    "be",
]
TITLES = ("The Silent", "Night of the", "Return of the", "Last", "Crimson", "Iron", "Hidden", "Broken", "Golden")
NOUNS = ("Contract", "Marker", "Table", "Oath", "Coin", "Hotel", "Covenant", "Debt", "Blade", "Ledger")


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--characters", type=int, required=True)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.characters
    n_works, n_people = max(5, n // 100), n
    src = "[https://example.org/source]"
    out: list[str] = ["format: 1", "franchise: Synthetic Saga", "data_as_of: 2026-01-01", "works:"]
    for i in range(n_works):
        year = 1990 + i % 35
        out += [
            f"  - id: w{i}",
            f"    title: {quote(f'{rng.choice(TITLES)} {rng.choice(NOUNS)} {word(rng)} {i}')}",
            f"    aliases: [{quote(f'Saga {i}')}]",
            "    kind: film",
            "    status: released",
            f"    runtime: {90 + i % 60}",
            f"    story: {{order: {i + 1}, set: {quote(f'Year {year - 20}')}}}",
            f"    releases: [{{date: {year}-0{1 + i % 9}-1{i % 9}, region: US, medium: theatrical, sources: {src}}}]",
            f"    crew: [{{person: p{i % n_people}, job: director, sources: {src}}}]",
            f"    sources: {src}",
        ]
    out.append("people:")
    for i in range(n_people):
        name = f"{rng.choice(FIRST)} {word(rng)} {rng.choice(LAST)}"
        out.append(
            f"  - {{id: p{i}, name: {quote(name)}, born: 19{50 + i % 50}-0{1 + i % 9}-1{i % 9}, sources: {src}}}"
        )
    out.append("characters:")
    for i in range(n):
        name = f"{word(rng)} {rng.choice(LAST)}"
        out.append(f"  - {{id: c{i}, name: {quote(name)}, aliases: [{quote('The ' + word(rng))}], sources: {src}}}")
    out.append("credits:")
    for i in range(n + n // 2):
        c = i % n
        out.append(
            f"  - {{work: w{(c * 7 + i) % n_works}, character: c{c}, person: p{(c * 13 + i) % n_people}, "
            f"billing: {1 + i % 20}, sources: {src}}}"
        )
    out.append("facts:")
    for i in range(max(1, n // 10)):
        out.append(
            f"  - {{id: f{i}, text: {quote(f'Fact number {i} about work {i % n_works}.')}, about: [w{i % n_works}], "
            f"question: {quote(f'Which number is fact {i}?')}, answer: {quote(str(i))}, sources: {src}}}"
        )
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
