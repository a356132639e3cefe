"""The lexicon's muscles as an Italian or Portuguese sheet prints them: lang -> muscle key -> label.

targets.py names each muscle in en, de, fr and es with its patterns; these two languages' labels are
kept apart so the lexicon's table keeps one column a language it reads. Each label is read back by the
lexicon as its own muscle where the lexicon knows the word (tests/test_import_fields.py).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "it": {
        "hamstrings": "Ischiocrurali (parte posteriore della coscia)",
        "adductors": "Adduttori (interno coscia)",
        "it-band": "Bandelletta ileotibiale (esterno coscia)",
        "quadriceps": "Quadricipite",
        "soleus": "Soleo (polpaccio basso)",
        "shins": "Tibiale anteriore (stinco)",
        "calves": "Polpacci",
        "achilles": "Tendine d'Achille",
        "hip-flexors": "Flessori dell'anca",
        "piriformis": "Piriforme",
        "glutes": "Glutei",
        "lower-back": "Zona lombare",
        "upper-back": "Parte alta della schiena",
        "lats": "Gran dorsale",
        "chest": "Petto",
        "shoulders": "Spalle",
        "triceps": "Tricipiti",
        "neck": "Collo",
        "abdominals": "Addominali",
        "feet": "Piedi",
        "ankles": "Caviglie",
        "hips": "Anche",
        "back": "Schiena",
    },
    "pt": {
        "hamstrings": "Posteriores da coxa",
        "adductors": "Adutores (parte interna da coxa)",
        "it-band": "Banda iliotibial (lateral da coxa)",
        "quadriceps": "Quadríceps",
        "soleus": "Sóleo (parte baixa da panturrilha)",
        "shins": "Tibial anterior (canela)",
        "calves": "Panturrilhas",
        "achilles": "Tendão de Aquiles",
        "hip-flexors": "Flexores do quadril",
        "piriformis": "Piriforme",
        "glutes": "Glúteos",
        "lower-back": "Lombar",
        "upper-back": "Parte alta das costas",
        "lats": "Grande dorsal",
        "chest": "Peito",
        "shoulders": "Ombros",
        "triceps": "Tríceps",
        "neck": "Pescoço",
        "abdominals": "Abdominais",
        "feet": "Pés",
        "ankles": "Tornozelos",
        "hips": "Quadril",
        "back": "Costas",
    },
}
