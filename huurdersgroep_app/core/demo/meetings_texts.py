"""What the demo group writes in its minutes: decisions, action points, notes and guests, in
Flemish Dutch as the group writes them. Invented; any likeness to a real group is chance."""
from __future__ import annotations

PLACE = "Buurtlokaal De Vlasbloem, Vlasstraat 3"
ANNUAL_PLACE = "Ontmoetingscentrum Sint-Jan, zaal 1"

BOARD_DECISIONS = (
    "De huurdersgroep vraagt de woonmaatschappij schriftelijk om een planning voor het herstel van de liften.",
    "We kopen een nieuwe beamer voor de bewonersavonden, voor ten hoogste € 450.",
    "De nieuwsbrief verschijnt voortaan vier keer per jaar, ook in een versie in eenvoudige taal.",
    "Het buurtfeest gaat door op het grasplein; het budget is € 600.",
    "We sluiten ons aan bij de campagne van het Vlaams Huurdersplatform over de huurprijsberekening.",
    "De werkgroep groen krijgt € 150 voor plantgoed voor de gemeenschappelijke tuin.",
    "We geven ongevraagd advies over de verlichting in de parkeergarage.",
    "De zitdag in het buurtlokaal verhuist naar de eerste dinsdag van de maand.",
    "We vragen een offerte voor de opleiding 'Huurdersrechten' voor de nieuwe bestuursleden.",
    "De huurdersgroep steunt het voorstel van de woonmaatschappij voor gescheiden afvalinzameling.",
    "De penningmeester mag de verzekering burgerlijke aansprakelijkheid verlengen.",
    "We organiseren in het najaar een infoavond over de energiepremies.",
)
CONSULTATION_DECISIONS = (
    "De woonmaatschappij en de huurdersgroep bekijken samen de afrekening van de servicekosten in mei.",
    "De woonmaatschappij bezorgt de planning van de dakwerken aan de huurdersgroep vóór het einde van de maand.",
    "Er komt een gezamenlijke rondgang langs de bergingen van blok B.",
    "De huurdersgroep krijgt vooraf inzage in de nieuwe brief over de huurherziening.",
)
ACTIONS = (
    "Brief aan de woonmaatschappij over de kapotte lift in blok A",
    "Offerte opvragen voor de beamer",
    "Nieuwsbrief voorbereiden en laten drukken",
    "Zaal reserveren voor de jaarvergadering",
    "Affiches ophangen in de inkomhallen",
    "Meldingen over vocht in de Lindelaan bundelen voor het overleg",
    "Contact opnemen met de buurtwerker over het buurtfeest",
    "Verzekeringspolis nakijken",
    "Kascommissie samenroepen",
    "Nieuwe leden verwelkomen met een infopakket",
    "Antwoord van de woonmaatschappij over de servicekosten opvolgen",
    "Verslag van de werkgroep groen bezorgen aan het bestuur",
)
NOTES = {
    "mail": "Binnengekomen: brief van de woonmaatschappij over de onderhoudsplanning, uitnodiging van het "
            "Vlaams Huurdersplatform. Verstuurd: brief over de lift in blok A.",
    "landlord_news": "De woonmaatschappij meldt dat de renovatie van blok C start in het najaar. Bewoners krijgen "
                     "een brief en er komt een infomoment.",
    "finances": "De penningmeester overloopt het kasboek. Het saldo ligt in lijn met de begroting.",
    "signals": "Drie nieuwe meldingen over vocht en één over geluidsoverlast. De meldingen over vocht nemen we "
               "mee naar het volgende overleg.",
    "advices": "Het advies over de servicekosten is verstuurd; we wachten op een antwoord.",
    "working_groups": "De werkgroep groen plant in het voorjaar nieuwe struiken. De werkgroep nieuwsbrief zoekt "
                      "nog een vrijwilliger voor de lay-out.",
    "maintenance": "De woonmaatschappij geeft een stand van zaken van de herstellingen. De lift in blok A is "
                   "hersteld; de deurpomp in blok B volgt.",
    "service_costs": "Uitleg over de afrekening van de servicekosten. De huurdersgroep vraagt de details van de "
                     "schoonmaakkosten.",
    "liveability": "Zwerfvuil aan de containers blijft een probleem. De woonmaatschappij plaatst extra borden.",
    "group_items": "De huurdersgroep brengt de meldingen over vocht in de Lindelaan aan.",
    "activity_report": "De secretaris stelt het activiteitenverslag voor: twaalf bestuursvergaderingen, vier "
                       "overleggen met de woonmaatschappij, een bewonersavond en twee adviezen.",
    "financial_report": "De penningmeester stelt de jaarrekening voor. Er zijn geen vragen.",
    "audit_report": "De kascommissie heeft de boeken nagekeken en vond ze in orde.",
    "plans_budget": "Het bestuur stelt het jaarplan en de begroting voor het komende jaar voor.",
    "questions": "Vragen over de parkeerplaatsen en over de verwarming in blok B; het bestuur neemt ze mee.",
    "introduction": "Het bestuur stelt de huurdersgroep voor en legt uit hoe huurders meldingen kunnen doen.",
    "tenants_questions": "Huurders vragen naar de planning van de renovatie en naar de huurprijs na de werken.",
}
OPEN_MEETING_TITLES = ("Bewonersavond: renovatie blok C", "Bewonersavond: energie besparen")
LANDLORD_GUESTS = (("Sofie Vandamme", "Woonmaatschappij Vlasland"), ("Bart Lemaire", "Woonmaatschappij Vlasland"))
ANNUAL_GUESTS = (("Katrien Desmet", "Woonmaatschappij Vlasland"), ("An Verhaeghe", "Stad Kortrijk, dienst wonen"))
