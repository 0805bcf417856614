#!/usr/bin/env python3
"""Writes data/demo/*.csv: the demo unit (invented people, the real nine sites and counts).

Run once by a developer; the CSV files are committed, so building needs no Python.
Deterministic: the same seed gives the same files.
"""
import csv
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "demo"

# site_id, name, participants, places, opens, closes
SITES = [
    ("liljan", "Liljans dagliga verksamhet", 35, 38, "08:00", "16:00"),
    ("ornsberg", "Örnsbergs dagliga verksamhet", 21, 22, "08:30", "15:30"),
    ("trofast", "Trofast dagliga verksamhet", 9, 10, "08:00", "15:00"),
    ("vastertorp", "Västertorps dagliga verksamhet", 9, 9, "08:30", "15:30"),
    ("steget", "Steget framåt", 32, 35, "08:00", "16:00"),
    ("natverket", "Nätverkets yrkesgrupp", 12, 12, "08:30", "15:30"),
    ("fruangen", "Fruängens yrkesgrupp", 8, 8, "07:30", "15:30"),
    ("vaxtverket", "Växtverket", 3, 4, "08:00", "15:00"),
    ("langsjon", "Långsjöns dagliga verksamhet", 5, 6, "09:00", "15:00"),
]

# Categories follow the unit's orientations; the names are what staff see.
ACTIVITIES = {
    "liljan": [("Bild och form", "Skapande"), ("Teater", "Kultur"), ("Trädgård", "Natur och trädgård"),
               ("Återbruk", "Arbete"), ("Media", "Media och IT"), ("Butiken Gröna Liljan", "Arbete"),
               ("Utflykt", "Utflykt")],
    "ornsberg": [("Musik", "Kultur"), ("Rörelse", "Rörelse och hälsa"), ("Sinnesstimulering", "Sinnen"),
                 ("Måleri och form", "Skapande"), ("Media", "Media och IT"), ("Utflykt", "Utflykt")],
    "trofast": [("Hundpromenad", "Djur"), ("Hundskötsel", "Djur"), ("Agility", "Djur"),
                ("Skötsel av lokalen", "Arbete"), ("Utflykt", "Utflykt")],
    "vastertorp": [("Social samvaro", "Gemenskap"), ("Rörelseträning", "Rörelse och hälsa"),
                   ("Sinnesstimulering", "Sinnen"), ("Trädgård", "Natur och trädgård")],
    "steget": [("Praktik på arbetsplats", "Arbete"), ("Matlagning", "Mat"), ("Friskvård", "Rörelse och hälsa"),
               ("Kultur", "Kultur"), ("Temasamtal: Balans i livet", "Studier"), ("Studiecirkel", "Studier"),
               ("Utflykt", "Utflykt")],
    "natverket": [("Datoruppdrag", "Media och IT"), ("Mediauppdrag", "Media och IT"), ("Gym", "Rörelse och hälsa")],
    "fruangen": [("Vaktmästeriuppdrag", "Arbete"), ("Återvinningsrunda", "Arbete"), ("Hylluppdrag", "Arbete")],
    "vaxtverket": [("Kontorsservice", "Arbete"), ("Park och utemiljö", "Natur och trädgård"),
                   ("Kök och kaffemaskiner", "Arbete")],
    "langsjon": [("Hantverk", "Skapande"), ("Sömnad", "Skapande"), ("Lugn stund", "Sinnen")],
}

FIRST = """Agnes Ahmed Albin Alice Ali Alva Amir Anna Anton Arvid Astrid Axel Bashir Bea Bengt Berit Bo
Carina Carl Cecilia Dalia Daniel David Dragan Ebba Edvin Elin Elias Ella Emil Emma Eva Fadi Felix
Filip Frida Gustav Göran Hanna Hassan Hedda Henrik Hugo Ida Ines Ingrid Isak Jamal Jenny Johan Jonas
Josefin Julia Kalle Karin Kerstin Klara Lars Leila Leo Lina Linnea Lisa Ludvig Maja Malin Maria Marko
Matilda Mehmet Mira Moa Mohammed Nils Nora Olle Oskar Patrik Petra Rasmus Rut Sam Sara Selma Simon
Siv Sofia Stina Sven Tage Theo Tilda Tove Ulla Vera Viktor Wilma Yasmin Yousef Zara Åke Åsa Ängla
Ärla Öllegård Östen Örjan""".split()

INITIALS = list("ABCDEFGHIJKLMNOPRSTVWÅÄÖ")
WEEKDAY_PATTERNS = ["12345", "12345", "12345", "1234", "2345", "135", "24", "1245", "123", "345"]


def main() -> None:
    rng = random.Random(2024)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "sites.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["site_id", "name", "places", "opens", "closes"])
        for sid, name, _, places, opens, closes in SITES:
            w.writerow([sid, name, places, opens, closes])
    names = FIRST[:]
    rng.shuffle(names)
    with open(OUT / "participants.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["participant_id", "site_id", "first_name", "initial", "weekdays", "photo"])
        n = 0
        for sid, _, count, *_ in SITES:
            used = set()
            for _ in range(count):
                while True:
                    first = rng.choice(names)
                    initial = rng.choice(INITIALS)
                    if (first, initial) not in used:
                        used.add((first, initial))
                        break
                n += 1
                w.writerow([f"P{n:04d}", sid, first, initial, rng.choice(WEEKDAY_PATTERNS), ""])
    with open(OUT / "activities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["activity_id", "site_id", "name", "category"])
        for sid, *_ in SITES:
            for i, (name, cat) in enumerate(ACTIVITIES[sid], 1):
                w.writerow([f"{sid}-a{i:02d}", sid, name, cat])


if __name__ == "__main__":
    main()
