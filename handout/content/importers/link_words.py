"""The words the linking reads a stretch's description by, in English, German, French, Spanish, Italian,
Portuguese and Dutch: the body positions (POSTURES), what a stretch uses or does (FEATURES: a wall, a step,
a towel, the soles together ...), and what stretches the library has no figure of do (FOREIGN). Matched on
normalized text (library.normalized_name: lower case, no accents or punctuation).
"""

from __future__ import annotations

import re


def signs(pattern: str) -> re.Pattern[str]:
    """Words matched on normalized text (lower case, no accents or punctuation: "a genoux", "ruckenlage")."""
    return re.compile(rf"\b(?:{pattern})\b")


FORWARD_BEND = (
    r"(?:bend|fold|hinge|roll) (?:\w+ ){0,2}(?:forward|down)|touch (?:your )?toes|"
    r"oberkorper (?:\w+ ){0,2}nach vorne? beugen|penchez vous en avant|"
    r"(?:doblate|inclinate) (?:\w+ ){0,2}hacia adelante|piegar(?:si|ti) in avanti|"
    r"dobre o tronco a frente|buig (?:\w+ ){0,2}voorover|dobla (?:la espalda|el tronco)"
)
"""Bending forward towards the feet: the forward fold's, and for the calves a stretch of no figure."""
POSTURES = {
    "standing": signs(
        r"stand\w*|upright on one leg|stehe?n?d?\w*|im stehen|stell\w* dich|stellen sie (?:sich|das|den)|"
        r"einbeinstand|beidbeinige\w* stand|schrittstellung|"
        r"debout|tenez vous droit|"
        r"de pie|ponte de pie|parate\w*|ponte derech[oa]|in piedi|em pe|de pe|staand\w*|sta rechtop"
    ),
    "seated": signs(
        r"sit|sits|sitting|seated|setz\w* dich|setzen sie sich|sitzend\w*|aufrecht sitz\w*|\w+sitz|im sitzen|"
        r"assis\w*|asseyez|sientate|sentad\w*|"
        r"sedut\w*|siediti|sente se|zit\w*|sitting on the ground|beinen sitzen"
    ),
    "lying": signs(
        r"lie|lying|lay|supine|on your back|face ?up|ruckenlage|auf dem rucken|auf den rucken|"
        r"lege dich|liegen|allonge\w*|couche\w*|sur le dos|tumba\w*|acuesta\w*|boca arriba|sdraia\w*|"
        r"supin\w*|a pancia in su|deit\w*|de costas|op je rug|tirate de espaldas|tumbad[oa] sobre la espalda|"
        r"colocate de espaldas|colocate sobre tu espalda"
    ),
    "side": signs(
        r"on (?:your|the) side|side ?lying|seitenlage|auf der seite|sur le cote|"
        r"(?:tumbate|acuestate|tumbado|tumbada|deitado|deitada|deite se) de lado|di fianco|sul fianco|"
        r"su un fianco|"
        r"op je zij"
    ),
    "prone": signs(
        r"face down|on your (?:stomach|belly)|bauchlage|auf dem bauch|sur le ventre|"
        r"(?:tumbate|acuestate) boca abajo|a pancia in giu|de brucos|op je buik|"
        r"(?:palms|hands) (?:\w+ ){0,2}(?:beside|next to) (?:your )?(?:shoulders|chest)|"
        r"mains (?:\w+ ){0,2}a cote (?:de |des )?(?:vos )?epaules|"
        r"manos (?:\w+ ){0,2}junto a (?:los|tus) hombros"
    ),
    "kneeling": signs(
        r"kneel\w*|on one knee|im knien|kniend\w*|auf ein knie|(?<!ten )knien|hintere knie auf den boden|"
        r"a genoux?|genou au sol|arrodilla\w*|de rodillas|rodilla en el suelo|in ginocchio|"
        r"ginocchio a terra|ajoelh\w*|joelho no chao|kniel\w*|knee on the floor|"
        r"rear \w+ knee on the floor|knie des hinteren beines am boden|"
        r"(?:lower|drop|rest|put|place) (?:\w+ ){0,3}knee (?:\w+ ){0,2}(?:to|on|onto|towards?) "
        r"the (?:floor|ground|mat)|"
        r"(?:ambas|las dos) piernas (?:\w+ ){0,3}apoyadas en el suelo"
    ),
    "all-fours": signs(
        r"hands and knees|all fours|vierfussler\w*|bankstellung|vier punkt stand|quatre pattes|cuatro patas|"
        r"carponi|quattro zampe|"
        r"quatro apoios|handen en knieen|push ?up position|press ?up position|liegestutz\w*|"
        r"position de pompe|posicion de flexion|posicao de flexao|posizione dei piegamenti|"
        r"hands and feet on the (?:ground|floor)|mains et (?:vos |les )?pieds (?:sur|au) (?:le )?sol|"
        r"hande und fusse auf (?:den|dem) boden|manos y (?:los )?pies en el suelo|"
        r"mani e (?:i )?piedi a terra|maos e (?:os )?pes no chao|handen en voeten op de grond"
    ),
}
FEATURES = {
    "wall": signs(r"walls?|wand|murs?|pared|parete|muretto|muro|parede|muur"),
    "step edge": signs(
        r"(?:on|off|edge of|below) (?:a |the )?(?:step|stair)\w*|balls of (?:your|the) feet|"
        r"kante einer stufe|unter die stufe|bord d une marche|sous la marche|escalon|gradino|rialzo|"
        r"degrau|bloquinho|traptrede|heel drops?|heels? to (?:lower|drop)|vorfussaufsatz|treppenstufe|"
        r"(?:lower|drop) (?:your |the )?heels?"
    ),
    "heel up": signs(
        r"heel on (?:a|the) (?:low )?(?:step|bench|chair|box|ledge|table|support|rail)|"
        r"ferse auf eine|erhohte flache|bein auf eine erhohung|bein gestreckt auf (?:eine )?erhohung|"
        r"talon sur (?:un|une) (?:marche|banc|support)|"
        r"talon de la jambe a etirer sur|sur un support|apoyando el pie en una altura|apoya un talon|"
        r"(?:posez|placez|mettez) (?:votre|le) talon a (?:la )?(?:meme )?hauteur|"
        r"leg (?:extended|straight) on (?:a |the )?(?:surface|step|bench|chair|table|ledge)|"
        r"(?:sube|subi|pon) (?:un|el) pie a un lugar alto|"
        r"heel on a|bench|panca|banco|tallone su (?:un |una )?(?:gradino|panchina|rialzo|sedia)|"
        r"(?:subo|sube|subi|pon|apoya) (?:la|una) pierna (?:a|en|sobre) (?:una |un )?"
        r"(?:barandilla|valla|banco)|"
        r"extend (?:your |the )?(?:right|left|front) leg|(?:front|forward) leg (?:\w+ ){0,2}straight|"
        r"vordere bein ist (?:\w+ ){0,2}gestreckt|vorderes bein (?:\w+ ){0,2}gestreckt|"
        r"(?:zentimeter|cm) vorgestellte\w* bein|"
        r"foot in front of the other and (?:lift|raise) (?:the |your )?toes|"
        r"(?:lift|raise) the toes of (?:the|your) front foot|"
        r"apoie uma perna na parede|leg (?:up )?(?:on|against) (?:a|the) wall|"
        r"heel (?:on|against) (?:a|the) wall|"
        r"jambe (?:\w+ ){0,2}contre le mur|pierna (?:\w+ ){0,2}(?:en|contra) la pared|bein an die wand|"
        r"hands? (?:\w+ ){0,3}on (?:to )?(?:the|your) bent (?:knee|leg)|mains sur (?:le|votre) genou plie|"
        r"manos sobre (?:la|tu) rodilla (?:doblada|flexionada)|hande auf (?:das|dein) gebeugte knie"
    ),
    "towel": signs(
        r"towel|strap|belt|rope|handtuch|gurt|serviette|sangle|toalla|cinta|asciugamano|"
        r"banda elastica|elastico|toalha|handdoek"
    ),
    "chair": signs(r"chair|stuhl|chaise|silla|sedia|cadeira|stoel"),
    "lunge": signs(
        r"lunges?|lunging|ausfallschritt\w*|lungendehnung|fente|zancada|affondo|afundo|uitvalspas"
    ),
    "forward fold": signs(
        rf"{FORWARD_BEND}|(?:^|a |the |standing )forward (?:fold|bend)|toe touch\w*|"
        r"reach (?:\w+ ){0,2}(?:for|to|towards?) (?:your )?toes|"
        r"hinge (?:\w+ ){0,2}(?:at|from) (?:the|your) hips|"
        r"vorbeuge|(?:beuge|neige) (?:dich|den oberkorper|den rumpf) (?:\w+ ){0,6}nach vorne?|"
        r"nach vorne? beugen|penchez vous (?:\w+ ){0,2}en avant|dobre o tronco (?:\w+ ){0,2}a frente|"
        r"piegat[io] (?:\w+ ){0,2}in avanti|"
        r"rumpf (?:\w+ ){0,2}nach vorne? beugen|zehen (?:zu )?(?:greifen|beruhren)|"
        r"flexion (?:du buste |du tronc )?(?:vers l |en )avant|toucher (?:vos |les )?(?:orteils|pieds)|"
        r"(?:doblate|inclinate|dobla el tronco|flexiona el tronco) (?:\w+ ){0,2}hacia (?:a)?delante|"
        r"(?:tocar|toca) (?:\w+ ){0,2}(?:puntas de los pies|dedos de los pies)|"
        r"pieg\w* (?:\w+ ){0,2}busto in avanti|flession\w* (?:del busto )?in avanti|"
        r"curve se para a frente|tocar (?:o dedo|os dedos|a ponta) dos pes"
    ),
    "split stance": signs(
        r"(?:step|bring|take|move) (?:your |the )?(?:right |left |one )?(?:leg|foot) "
        r"(?:\w+ ){0,2}(?:back|forward)|"
        r"(?:long |big |large )?step forward|staggered stance|split stance|"
        r"(?:grossen |weiten )?schritt nach vorn\w*|grand pas en avant|jambe devant vous|"
        r"une jambe derriere vous|"
        r"paso (?:largo )?hacia (?:a)?delante|un pie hacia atras y el otro al frente|"
        r"passo (?:lungo )?in avanti|passo (?:\w+ ){0,2}(?:para )?a frente|"
        r"uma perna a frente e a outra para tras"
    ),
    "soles together": signs(
        r"soles? (?:of (?:your|the) feet )?together|feet together and knees|fusssohlen aneinander\w*|"
        r"plantes? des pieds joint\w*|semelles \w+ \w+ chaussures jointes|plantas de los pies|"
        r"piante dei piedi|solas dos pes|voetzolen|foot soles? touch\w*|each foot sole touches|"
        r"schmetterling\w*|butterfly|papillon|mariposa|farfalla|borboleta|vlinder|tailleur"
    ),
    "ankle over knee": signs(
        r"ankle (?:just |up )?(?:over|on|across|above) (?:the |your |a )?"
        r"(?:other |opposite |left |right )?knee|"
        r"ankle of one leg (?:\w+ ){0,2}(?:over|on|across|above) the knee|"
        r"cross (?:one|your \w+) ankle|figure[ -]?(?:four|4)|knochel (?:uber|auf) das \w+ knie|"
        r"cheville sur (?:l autre|le) genou|genou \w+ (?:au dessus|par dessus) (?:du|votre)|"
        r"tobillo sobre la \w+ rodilla|caviglia sul|tornozelo sobre|enkel op|"
        r"(?:pie|tobillo) (?:\w+ ){0,3}sobre tu rodilla|"
        r"cruza una pierna sobre (?:el muslo|la rodilla) de la otra|"
        r"foot over (?:your |the )?(?:left|right|other) knee|figura cuatro|vierer|en quatre|"
        r"ankle on (?:the |your )?(?:opposite|other) thigh|cheville sur (?:la |l )?(?:autre )?cuisse|"
        r"tobillo sobre el (?:otro )?muslo"
    ),
    "knees to chest": signs(
        r"knees (?:in )?(?:to|towards?) (?:your |the )?chest|both knees (?:\w+ ){0,2}chest|"
        r"beide knie zur brust|genoux (?:vers|a) (?:votre |la )?poitrine|"
        r"rodillas (?:hacia |al )(?:el )?pecho|ginocchia al petto|joelhos \w+ peito|"
        r"knieen naar je borst|knee hug"
    ),
    "hands and feet": signs(
        r"downward|down dog|upside down v|inverted v|umgedrehtes v|verkehrtes v|umgekehrtes v|"
        r"herabschauend\w*|chien tete en bas|"
        r"v renverse|perro boca abajo|v invertida|cane a testa in giu|"
        r"walk your hands (?:in )?toward your feet"
    ),
    "heel to bottom": signs(
        r"(?:heel|foot|ankle) (?:\w+ ){0,3}(?:to|towards?|toward) (?:your |the )?"
        r"(?:bottom|butt|buttocks?|glutes?|backside)|"
        r"foot (?:up )?behind you|ankle behind you|grab (?:your )?(?:\w+ )?foot|foot backwards|"
        r"fuss von hinten|ferse (?:sanft )?(?:zum|ans|an den) (?:po|gesass)|fuss zum gesass|"
        r"ferse (?:\w+ ){0,7}richtung gesass|"
        r"talon vers (?:la|votre) fess\w*|saisissez votre pied|attrape[zr]? (?:votre |le )pied|"
        r"talon al gluteo|hacia el gluteo|hacia los gluteos|sujeta\w* el pie|agarra\w* el pie|"
        r"a tocar el culo|a la altura del gluteo|"
        r"tallone (?:al gluteo|verso il gluteo|verso i glutei)|afferra\w* il piede|"
        r"(?:piede|piedi|tallone) a contatto (?:dei glutei|del gluteo|con i glutei)|"
        r"(?:talon|pie) y lo llevamos al gluteo|"
        r"em direcao a[os]s? glute\w*|(?:segurando|segure|puxe) o pe (?:\w+ ){0,3}(?:aos|dos|ao) glute\w*|"
        r"hiel\w* naar je bil\w*"
    ),
    "twist": signs(
        r"twist\w*|drehsitz|drehung|torsion|torsione|torcao|draai\w*|turn your chest|ruota il petto|"
        r"gire o peito"
    ),
    "knees to one side": signs(
        r"knees (?:slowly )?to one side|lower both knees|knie langsam zu einer seite|"
        r"genoux d un cote|rodillas hacia un lado|ginocchia da un lato|joelhos devagar para um lado"
    ),
    "feet crossed": signs(
        r"cross one foot (?:in front|over the other)|einen fuss vor den anderen|croisez un pied devant|"
        r"cruza un pie por delante|cross(?:ed)? legs? (?:toe touch|forward)|"
        r"incrocia un piede davanti|cruze um pe a frente"
    ),
    "leg behind, side lean": signs(
        r"(?:leg|foot) (?:\w+ ){0,4}behind the (?:other|left|right)|hinter dem anderen kreuzen|"
        r"derriere l autre|por detras de la otra|side lean|arm (?:up and )?over (?:your |the )?head|"
        r"uber den kopf|au dessus de la tete"
    ),
    "feet wide": signs(
        r"feet (?:wide|spread) apart|breitbeinig|gratsch\w*|pieds (?:tres )?ecartes|"
        r"pies (?:bien )?separados|gambe divaricate|gambe larghe|pernas afastadas|pes bem afastados|"
        r"side lunge|lateral lunge|"
        r"feet (?:about |around |roughly )?(?:\d|two|three|four|five) (?:feet|foot|ft|metres?|meters?) apart|"
        r"feet (?:\w+ ){0,2}wider than (?:your )?(?:shoulders|shoulder width|hips)|"
        r"seitlicher ausfallschritt|fente laterale|zancada lateral"
    ),
    "hands behind the back": signs(
        r"hands? (?:\w+ ){0,2}behind (?:your|the) back|clasp your hands|small of your back|"
        r"hande hinter dem rucken|mains derriere le dos|manos detras de la espalda|"
        r"mani dietro la schiena|maos atras das costas|handen achter je rug"
    ),
    "sole on the thigh": signs(
        r"sole against the inside|fold one leg in\w*|tuck (?:one|the other) (?:foot|leg) in\w*|"
        r"fusssohle innen an|plante du pied contre l interieur|"
        r"planta contra el interior|pie \w+ contra la parte interna del muslo|"
        r"pianta del piede all interno della coscia"
    ),
    "foot over, elbow": signs(
        r"cross the other foot over|den anderen fuss daruber|bein uber das andere|"
        r"mit dem gegenuberliegenden arm|opposite (?:arm|elbow)|croisez l autre pied par dessus|"
        r"cruza el otro pie por encima|elbow (?:\w+ ){0,3}outside|ellbogen aussen|gomito opposto|"
        r"cotovelo oposto"
    ),
    "leg raised": signs(
        r"raise the other leg|leg (?:straight )?up|legs? in the air|hold behind the thigh|"
        r"back of (?:your )?(?:leg|thigh) with both hands|das andere bein heben|levez l autre jambe|"
        r"levanta la otra pierna|solleva una gamba|pull (?:your )?(?:\w+ )?leg (?:up|towards you)|"
        r"lleva hacia ti la pierna|gamba \w+ verso di voi|parte posteriore della gamba"
    ),
    "press up": signs(
        r"press(?:es)? up|hochdrucken|poussez lentement vers le haut|empuja despacio hacia arriba|"
        r"cobra|kobra"
    ),
    "hips to heels": signs(
        r"(?:hips|bottom) back (?:towards|to|on) (?:your )?heels|zu den fersen|vers les talons|"
        r"hacia los talones|forehead|stirn|le front|la frente|child\w*|kindhaltung"
    ),
    "shin across": signs(
        r"shin across|schienbein quer|tibia en travers|espinilla cruzada|pigeon|taube|paloma|"
        r"piccione|pombo|tibia di traverso|canela atravessada"
    ),
    "forearms down": signs(r"forearms|unterarme|avant bras|antebrazos|avambracci|antebracos|lizard|eidechse"),
    "both knees bent": signs(
        r"bend both knees|both knees bent|bent knee|beide knie beugen|gebeugtem knie|"
        r"pliez les deux genoux|genou flechi|dobla las dos rodillas|rodilla doblada|soleus|soleo|"
        r"soleaire|schollenmuskel|piega tutte e due le ginocchia|dobre os dois joelhos"
    ),
    "foot back, heel down": signs(
        r"step (?:one|your \w+) (?:foot|leg) (?:well )?back|step back|one leg (?:extended )?back|"
        r"leg (?:extended )?behind you|fuss weit nach hinten|bein nach hinten|reculez un pied|"
        r"jambe tendue derriere|jambe (?:\w+ ){0,2}tendue (?:a l )?arriere|talon vers le sol|"
        r"un pied bien atras|pierna hacia atras|gamba tesa (?:indietro|dietro)|"
        r"porta(?:re|te)? indietro la gamba|back leg (?:extended )?(?:straight|behind you)|"
        r"perna para tras|"
        r"ferse am boden|fersen bleiben am boden|hinteres bein gestreckt|talon au sol|talon en el suelo|"
        r"calcanhar no chao|pressing the heel|"
        r"heel (?:on the floor|down)|foot a metre behind|fuss etwa einen meter|"
        r"tallone (?:\w+ ){0,3}a terra|plante du pied arriere au sol|calcanhar no chao|"
        r"reculer? les pieds|talons? poses? (?:sur|au) (?:le )?sol|talon (?:\w+ ){0,2}en el suelo|"
        r"da un paso (?:\w+ ){0,2}atras|pierna trasera"
    ),
}
FOREIGN = {
    "arm across the chest": (
        signs(
            r"arm (?:\w+ ){0,3}across (?:your |the )?(?:chest|body)|cross ?body|"
            r"an (?:deiner |der )?brust vorbei|"
            r"quer vor (?:die|der|deine) brust|bras (?:\w+ ){0,3}devant (?:la |votre )?poitrine|"
            r"brazo (?:\w+ ){0,3}(?:por delante del|frente al|cruzado sobre el) pecho|"
            r"braccio (?:\w+ ){0,3}davanti al petto|braco (?:\w+ ){0,3}a frente do peito"
        ),
        frozenset(),
    ),
    "hand behind the head": (
        signs(
            r"(?:hand|arm|elbow) (?:\w+ ){0,3}behind (?:your |the )?head|hinter den kopf|"
            r"(?:main|bras|coude) (?:\w+ ){0,3}derriere (?:la |votre )?tete|"
            r"(?:mano|brazo|codo) (?:\w+ ){0,3}detras de (?:la|tu) cabeza|(?:mano|gomito) dietro la testa|"
            r"(?:mao|cotovelo) atras da cabeca"
        ),
        frozenset(),
    ),
    "bend forward to the feet": (signs(FORWARD_BEND), frozenset({"calves"})),
    "toes against the wall": (
        signs(
            r"(?:toes|foot|ball of (?:your|the) foot) (?:\w+ ){0,3}(?:against|up on|on) the wall|"
            r"pied (?:\w+ ){0,2}contre le mur|knee to (?:the )?wall|"
            r"(?:bring|move|push|drive) (?:your |the )?(?:front )?knee (?:\w+ ){0,2}(?:to|towards?) the wall|"
            r"genou du mur|punta del pie (?:\w+ ){0,2}(?:contra|en) la pared|"
            r"(?:fussspitze|zehen) (?:\w+ ){0,3}an die wand|"
            r"ponta do pe (?:\w+ ){0,2}na parede|"
            r"toes (?:of (?:the |your )?\w+ foot )?(?:onto|on|against|up on) "
            r"(?:a |the )?(?:\w+ )?(?:surface|tree)|"
            r"eleva\w* os dedos do pe|levanta\w* los dedos del pie|(?:lift|raise) (?:your |the )?toes|"
            r"zehen (?:\w+ ){0,2}(?:anheben|hochziehen)|(?:relevez|levez) (?:les |vos )?orteils|"
            r"solleva\w* (?:le )?dita"
        ),
        frozenset({"calves"}),
    ),
    "squat": (
        signs(r"squat\w*|hocke|in die knie|accroupi\w*|sentadilla|accovacciat\w*|agachamento|hurken"),
        frozenset({"adductors"}),
    ),
    "foot pulled by hand": (
        signs(
            r"punta del pie con la mano|"
            r"(?:grab|hold|pull) (?:\w+ ){0,2}toes (?:\w+ ){0,3}(?:up|towards? you)|"
            r"zehen (?:\w+ ){0,3}(?:mit der hand )?(?:zu dir|heran)ziehen|orteils vers vous|"
            r"punta del piede con la mano"
        ),
        frozenset({"calves"}),
    ),
}
"""What a stretch the library has no figure of does (an arm pulled across the chest, a hand behind the
head, the toes pulled by hand for the calf), each with the muscles it is another stretch for (none: for
all): no library stretch's figure shows it, so none is taken as likely."""
