"""Lines that are the page around the article, not the article: menus, banners, captions, dates, tags."""

from __future__ import annotations

import re

IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|bmp|svg|heic|tiff?)\W*$", re.IGNORECASE)
SITE_CHROME = re.compile(
    r"^\W*(skip to (main )?content|skip navigation|zum inhalt springen|direkt zum inhalt|aller au contenu"
    r"|passer au contenu|saltar al contenido|ir al contenido|popular searches|beliebte suchen|search|suche"
    r"|rechercher|buscar|menu|men[uú] principal|hauptmenü|home|startseite|accueil|inicio|print|drucken"
    r"|imprimer|imprimir|share|teilen|partager|compartir|back to top|nach oben|retour en haut"
    r"|advertisement|anzeige|werbung|publicité|publicidad|sign in|log in|login|anmelden|se connecter"
    r"|subscribe|newsletter|abonnieren|s'abonner|suscr[ií]bete|read more|weiterlesen|lire la suite"
    r"|leer m[aá]s|related( articles| posts)?|you may also like|das könnte sie auch interessieren"
    r"|à lire aussi|te puede interesar|comments?|kommentare|commentaires|comentarios"
    r"|(facebook|twitter|x|pinterest|whatsapp|e-?mail|linkedin|instagram|copy link|\W)+)\W*$"
    r"|cookie|^\W*accept( all)?\b|privacy policy|datenschutz|politique de confidentialité"
    r"|pol[ií]tica de privacidad|all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|^\W*(©|copyright\b)|page last reviewed|next review due"
    r"|^\W*(home|startseite|accueil|inicio)\s*[›>»/|]"
    r"|^\W*(on this page|in this article|contents|table of contents|jump to|inhaltsverzeichnis"
    r"|auf dieser seite|inhalt|sommaire|dans cet article|sur cette page|[ií]ndice|en este art[ií]culo"
    r"|contenidos?)\W*$",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"\b(side view|front view|back view|demonstration|illustration|close-?up|video|gif|animation"
    r"|seitenansicht|abbildung|vue de côté|démonstration|vista lateral|demostración|starting position"
    r"|start(?:ing)? pose|end position|final position|finishing position|ausgangsposition|endposition"
    r"|position de départ|position finale|posición inicial|posición final|posizione (?:di partenza|finale)"
    r"|posição (?:inicial|final))\s*\W*$"
    r"|^\W*(image|photo|picture|figure|fig\.|caption|source|credit|bild|foto|abb\.|crédit|imagen|fuente)s?"
    r"\b\s*\d*\s*[:.)-]"
    r"|^\W*(hero|header|featured|cover|banner|main|top)?\s*(image|photo|picture|img|bild|foto|imagen|immagine"
    r"|imagem|afbeelding)\W*$"
    r"|^\W*(?:©\s*)?(?:shutterstock|getty\s*images|istock(?:photo)?|adobe\s*stock|unsplash|pexels|pixabay"
    r"|thinkstock|dreamstime|depositphotos|alamy)\b[\w\s.,/|-]{0,30}$",
    re.IGNORECASE,
)
"""A picture's caption, its alt text or a photo agency's credit on a line of its own ("Shutterstock 162")."""
BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"[★☆❋✿❀]",
        r"\b(posted|published|updated|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)"
        r"\s+(on|by|am|von|le|par|el|por)\b",
        r"^\W*(tags?|categor(y|ies)|share( this)?|related( posts)?|read more|schlagworte|kategorie"
        r"|étiquettes|catégorie|etiquetas|categoría|see also|read also|siehe auch|à lire aussi|lire aussi"
        r"|lee también|leggi anche|vedi anche|leia também|veja também|lees ook)\s*:",
        r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){3,}$",  # an image's file name without its ending
        r"^\W*$",  # rules (---, ***) and lines of symbols
        r"\b(min(ute)?s? read|minuten lesezeit|min de lecture|min de lectura)\b",
        r"^\W*(by|written by|von|par|por|di|door)\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
        r"(?:\s*[,|·–-]\s*[\w\s.,]{0,40})?$",  # a byline: "By Jane Doe, physiotherapist"
    )
]
DATE = re.compile(
    r"^\W*(\d{1,4}[-/.]\d{1,2}[-/.,]\s*\d{2,4}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(st|nd|rd|th)?\.?\s+[a-zéû]+\.?,?\s+\d{4})\W*$",
    re.IGNORECASE,
)
END_OF_ARTICLE = re.compile(
    r"^\W*(related( articles| posts| pages| content)?|read (also|next|more)|more (articles|stories)"
    r"|you (may|might) also like|share this (page|article|post)|comments?|leave a (comment|reply)"
    r"|page last reviewed\b.*|weitere artikel|das könnte (dich|sie) auch interessieren|kommentare"
    r"|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|commentaires|te puede interesar"
    r"|art[ií]culos relacionados|lee también|comentarios|was this (page|article) (helpful|useful)\b.*"
    r"|war (dieser artikel|diese seite) hilfreich\b.*|cet article vous a-t-il été utile\b.*"
    r"|¿?te ha (resultado|sido) útil\b.*)\W*$",
    re.IGNORECASE,
)
"""A line after which a page has no more of the article: related links, comments, the share bar."""
APP_PROMOTION = re.compile(
    r"^\W*(download|get) (the|our) app|^\W*follow us|^\W*folge uns|^\W*suivez-nous|^\W*s[ií]guenos"
    r"|\bapp (herunterladen|laden)\b|télécharge[zr]? l'appli|descarga (la|nuestra) app",
    re.IGNORECASE,
)
LONGEST_CHROME = 120
"""Characters: a longer line is the article's own text, whatever words it has."""


def is_chrome(text: str) -> bool:
    """A menu, banner, share bar, date, tag list or image file name: text that is no part of the article."""
    if len(text) > LONGEST_CHROME:
        return False
    return (
        SITE_CHROME.search(text) is not None
        or APP_PROMOTION.search(text) is not None
        or any(pattern.search(text) for pattern in BOILERPLATE)
        or DATE.match(text) is not None
        or (IMAGE_FILE.search(text) is not None and len(text.split()) <= 6)
    )


def is_caption(text: str) -> bool:
    """The words under a picture: "Hip flexor stretch side view", "Image: a runner stretching"."""
    return len(text) <= LONGEST_CHROME and CAPTION.search(text) is not None


NEWS_CREDIT = re.compile(
    r"^\W*(?:©\s*)?(?:(?:foto|photo|bild|imagen|immagine|imagem)\s*:\s*)?"
    r"(?:orf|apa|dpa|afp|ap|reuters|epa|ansa|efe|keystone|imago|picture[- ]alliance|zdf|ard|srf|bbc|rtbf|br"
    r"|wdr|ndr|swr|mdr)(?:\s*[/|,]\s*[\w.-]+){0,2}\W*$",
    re.IGNORECASE,
)
"""A broadcaster's or news agency's credit on a line of its own under a picture ("ORF", "APA/dpa")."""


def is_news_credit(text: str) -> bool:
    """ "ORF", "Foto: APA": the credit of the picture whose caption is the line before it."""
    return NEWS_CREDIT.match(text) is not None


def ends_article(text: str) -> bool:
    """ "Related articles", "Comments", "Share this page": the rest of the page is not the article's."""
    return len(text) <= LONGEST_CHROME and END_OF_ARTICLE.match(text) is not None
