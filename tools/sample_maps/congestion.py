"""A larger map: should big cities charge drivers for congestion? The case, the objections, the replies."""

from __future__ import annotations

from argmap.model import ArgumentMap

from .builder import C, E, MapBuilder, P

FILE = "congestion-charging.argmap.json"


def build() -> ArgumentMap:
    b = MapBuilder(
        "congestion-charging",
        "Should big cities charge drivers for congestion?",
        "A debate map at scale: the case for congestion charging, the main objections and the replies, with "
        "evidence from London, Stockholm, Singapore, New York and elsewhere. Figures are rounded from the "
        "public evaluations named in each statement's notes. Some objections are answered; some replies are "
        "themselves contested; read the attacks as well as the supports.",
    )
    b.st(
        "c",
        C,
        "Charge for congestion",
        "Big, congested cities should charge drivers to enter their busiest districts at busy times.",
    )

    # ================================================================ traffic
    b.st(
        "traffic",
        C,
        "Traffic flows better",
        "A congestion charge makes traffic in the charged area flow faster and more reliably.",
    )
    b.st(
        "overuse",
        C,
        "Free roads are overused",
        "At busy times, free roads carry more cars than is worth it: trips worth less than the delay they "
        "cause still get made.",
    )
    b.st(
        "slows-others",
        P,
        "Each car slows the rest",
        "On a crowded street, each extra car slows every other vehicle on it, including buses, deliveries "
        "and ambulances.",
    )
    b.st(
        "flow-physics",
        E,
        "The fundamental diagram",
        "Traffic-flow measurements show that beyond a critical density, each added vehicle lowers speeds "
        "sharply, and the number of vehicles getting through can fall.",
        notes="The speed-flow-density relation of traffic engineering, measured on roads since the 1930s.",
    )
    b.st(
        "doesnt-pay",
        P,
        "Drivers don't pay for the delay",
        "A driver weighs their own time and costs, not the delay their trip imposes on everyone behind them.",
    )
    b.st(
        "vickrey",
        E,
        "Economists' verdict",
        "Since William Vickrey's work in the 1950s and 1960s, economists have widely argued that road use at "
        "busy times should be priced.",
        notes="Testimony. Vickrey received the Nobel Memorial Prize in economics in 1996.",
    )
    b.st(
        "price-signal",
        P,
        "A charge prices the delay",
        "A charge at the time and place of congestion makes drivers weigh part of the delay they cause.",
    )
    b.st(
        "flexible",
        P,
        "Many trips can change",
        "Many peak-hour car trips are flexible: they can shift to another time, route, mode or destination, "
        "or be combined or dropped.",
    )
    b.st(
        "stockholm-onoff",
        E,
        "Stockholm: on, off, on",
        "Traffic across Stockholm's cordon fell during the 2006 trial, rose again when the trial ended, and "
        "fell again when the charge returned for good in 2007.",
        notes="Eliasson et al., evaluations of the Stockholm congestion charges.",
    )
    b.st(
        "london",
        E,
        "London: 18% less traffic",
        "In the first year after London's charge began (February 2003, \u00a35 a day), traffic entering the "
        "zone fell by about 18% and congestion by about 30%.",
        notes="Transport for London, Central London Congestion Charging: Impacts Monitoring, Second Annual "
        "Report (2004).",
    )
    b.st(
        "stockholm",
        E,
        "Stockholm: about 20% less",
        "Stockholm's charge cut traffic across the charging cordon by about 20% in its 2006 trial, and the cut "
        "has largely held since the charge became permanent in 2007.",
    )
    b.st(
        "singapore",
        E,
        "Singapore since 1975",
        "Singapore has charged vehicles entering its centre since 1975, electronically since 1998, and "
        "adjusts the rates to keep traffic moving at target speeds.",
    )
    b.st(
        "london-back",
        P,
        "London's congestion returned",
        "By 2006\u201307, congestion in central London was back near its level before the charge.",
        notes="TfL, Impacts Monitoring, Fifth and Sixth Annual Reports (2007, 2008).",
    )
    b.st(
        "london-why",
        P,
        "The road space went elsewhere",
        "TfL put the return down to road space taken by roadworks and given to buses, pedestrians and "
        "cyclists; the number of vehicles stayed below its level before the charge.",
    )
    b.st(
        "displace",
        P,
        "Traffic just moves",
        "A charge only pushes traffic onto the roads around the charged area.",
        tags=["objection"],
    )
    b.st(
        "displace-ev",
        E,
        "Little spill-over found",
        "Evaluations in London and Stockholm found only small increases in traffic on the roads around the "
        "charged areas.",
    )
    b.support(
        ["slows-others", "doesnt-pay"],
        "overuse",
        title="An unpaid cost",
        notes="Linked: delay imposed on others is a reason for too much driving only if drivers do not "
        "bear it, and not bearing it matters only because the delay is real.",
    )
    b.support("flow-physics", "slows-others")
    b.support("vickrey", "overuse")
    b.support("stockholm-onoff", "flexible")
    b.support(
        ["overuse", "price-signal", "flexible"],
        "traffic",
        title="The mechanism",
        notes="Linked: a problem (too many low-value trips), a charge aimed at it, and drivers able to "
        "respond. Without any one of the three the charge would not cut traffic.",
    )
    b.support("london", "traffic", key="london->traffic")
    b.support("stockholm", "traffic")
    b.support("singapore", "traffic")
    b.attack(
        "london-back",
        "london->traffic",
        key="london-undercut",
        title="Did it last?",
        notes="Undercut: if congestion came back, London's first-year figures may not show that a "
        "charge keeps traffic flowing.",
    )
    b.attack(
        "london-why",
        "london-undercut",
        title="Less road, not more cars",
        notes="Undercuts the undercut: the congestion came back because the road shrank, not because "
        "the traffic did, so its return says nothing against the charge.",
    )
    b.attack("displace", "traffic", key="displace->traffic")
    b.attack("displace-ev", "displace")
    b.support("traffic", "c")

    # ================================================================ the economy
    b.st(
        "economy",
        C,
        "Benefits outweigh costs",
        "The time saved in traffic is worth more than the charge and the cost of running it.",
    )
    b.st(
        "stockholm-cba",
        E,
        "Stockholm's cost\u2013benefit analysis",
        "Stockholm's evaluators found the charge's social benefits, mainly travel time saved, well above its "
        "costs, and the system's investment paid back within a few years.",
        notes="Eliasson, 'A cost-benefit analysis of the Stockholm congestion charging system', "
        "Transportation Research Part A (2009).",
    )
    b.st(
        "deliveries",
        P,
        "Trades and deliveries gain",
        "Deliveries, tradespeople and service vans, whose time is costly, gain most from quicker and more "
        "predictable journeys.",
    )
    b.support("stockholm-cba", "economy")
    b.support("deliveries", "economy")
    b.support("economy", "c")

    # ================================================================ transit and revenue
    b.st(
        "transit",
        C,
        "Public transport improves",
        "Public transport improves: buses run faster and more reliably, and the money can fund more service.",
    )
    b.st(
        "bus-road",
        P,
        "Buses share the road",
        "Buses use the same streets as cars, so less car traffic means faster, more reliable buses.",
    )
    b.st(
        "london-bus",
        E,
        "London's buses after the charge",
        "In London's first charging year, bus delays caused by congestion fell sharply and more bus passengers "
        "travelled into the zone.",
        notes="TfL, Impacts Monitoring, Second Annual Report (2004).",
    )
    b.st(
        "revenue",
        C,
        "Money for transport",
        "A charge raises money that can be spent on public transport, walking and cycling.",
    )
    b.st(
        "london-law",
        E,
        "London's law on the revenue",
        "The law that created London's charge, the Greater London Authority Act 1999, required its net revenue "
        "to be spent on the Mayor's transport strategy.",
    )
    b.st(
        "nyc",
        E,
        "New York's charge funds transit",
        "New York's charge, in force since January 2025, is set by law to support $15 billion of investment in "
        "the city's subways, buses and commuter rail.",
    )
    b.st(
        "running-costs",
        P,
        "Running costs eat the money",
        "Collecting a charge is expensive: in London's early years, running the scheme took a large share of "
        "its revenue.",
        tags=["objection"],
    )
    b.st(
        "net-revenue",
        P,
        "Still money left over",
        "Even after its running costs, London's charge has brought in net revenue for transport every year.",
    )
    b.support("bus-road", "transit")
    b.support("london-bus", "bus-road")
    b.support("london-law", "revenue")
    b.support("nyc", "revenue")
    b.attack("running-costs", "revenue")
    b.attack("net-revenue", "running-costs")
    b.support("revenue", "transit")
    b.support("transit", "c")

    # ================================================================ health
    b.st(
        "health",
        C,
        "Cleaner air, safer streets",
        "With less traffic in the centre, the air is cleaner and the streets are safer.",
    )
    b.st(
        "stockholm-air",
        E,
        "Stockholm's air",
        "Stockholm's evaluations found lower traffic emissions and somewhat better air in the inner city "
        "after the charge.",
    )
    b.st(
        "fewer-crashes",
        P,
        "Less driving, fewer crashes",
        "Fewer vehicle-kilometres driven means fewer collisions, other things being equal.",
    )
    b.st(
        "london-casualties",
        E,
        "London's casualties",
        "Transport for London reported fewer road casualties in and around the zone in the years after the "
        "charge began.",
    )
    b.st(
        "electric",
        P,
        "Electric cars make it moot",
        "As cars go electric, the clean-air case for charging fades.",
        tags=["objection"],
    )
    b.st(
        "electric-reply",
        P,
        "Electric cars still crowd and shed",
        "Electric cars still shed brake and tyre particles, and still take up road space and crash, so most of "
        "the case survives.",
    )
    b.support("stockholm-air", "health")
    b.support("london-casualties", "fewer-crashes")
    b.support("fewer-crashes", "health")
    b.attack("electric", "health")
    b.attack("electric-reply", "electric")
    b.support("health", "c")

    # ================================================================ the alternatives
    b.st(
        "alternatives",
        C,
        "Nothing else does the job",
        "The alternatives cannot keep central streets flowing on their own.",
    )
    b.st(
        "widen",
        P,
        "More roads are no cure",
        "Building more roads does not cure congestion: new lanes fill with new traffic.",
    )
    b.st(
        "fundamental-law",
        E,
        "The fundamental law of road congestion",
        "Duranton and Turner found that vehicle-kilometres travelled in US cities rise roughly one for one "
        "with the lane-kilometres of interstate highway.",
        notes="G. Duranton and M. A. Turner, 'The Fundamental Law of Road Congestion', American Economic "
        "Review (2011).",
    )
    b.st("no-room", P, "No room to widen", "In a dense city centre there is no room to widen streets anyway.")
    b.st(
        "transit-alone",
        P,
        "Transit alone refills the road",
        "Better public transport alone does not keep roads clear: the space freed by people who switch is "
        "taken by new car trips.",
    )
    b.st(
        "latent",
        P,
        "Trips waiting for space",
        "At busy times many car trips are held back only by the traffic: make the roads quicker and they are made.",
    )
    b.st(
        "downs",
        E,
        "Downs's law",
        "Anthony Downs's law of peak-hour congestion: on urban commuter roads, peak traffic rises to meet capacity.",
        notes="A. Downs, 'The Law of Peak-Hour Expressway Congestion', Traffic Quarterly (1962); "
        "'Stuck in Traffic' (1992).",
    )
    b.st("unpriced", P, "Freed road stays free", "Transit improvements free road space but leave it free of charge.")
    b.st(
        "reallocate",
        P,
        "Paris did it without a charge",
        "Cities such as Paris have cut car traffic without a charge, by turning traffic lanes into bus lanes, "
        "cycle lanes and space for people on foot.",
        tags=["objection"],
    )
    b.st(
        "queueing",
        P,
        "That rations by queueing",
        "Taking lanes away cuts traffic by making driving slower: it rations road space by delay, so the "
        "congestion stays, where a charge rations it by price and keeps traffic moving.",
    )
    b.support("fundamental-law", "widen")
    b.support("no-room", "widen")
    b.support("downs", "latent")
    b.support(
        ["latent", "unpriced"],
        "transit-alone",
        title="Space that refills",
        notes="Linked: freed space is refilled only if there are trips waiting for it and nothing "
        "stops them from taking it.",
    )
    b.support("widen", "alternatives")
    b.support("transit-alone", "alternatives")
    b.attack("reallocate", "alternatives", key="reallocate->alternatives")
    b.attack(
        "queueing",
        "reallocate->alternatives",
        notes="Undercut: Paris's traffic did fall, but falling traffic bought with slower streets is not "
        "keeping streets flowing.",
    )
    b.support("alternatives", "c")

    # ================================================================ fairness
    b.st(
        "regressive",
        P,
        "It hits the poor hardest",
        "A flat charge is regressive: it takes a larger share of a poorer driver's income than a richer one's.",
        tags=["objection"],
    )
    b.st(
        "must-drive",
        P,
        "Some have no alternative",
        "Some low-income workers, such as shift workers, tradespeople and carers, have no practical "
        "alternative to driving.",
    )
    b.st(
        "transit-riders",
        P,
        "The poor mostly ride transit",
        "In big cities, most lower-income people travelling to the centre already use public transport, not cars.",
    )
    b.st(
        "london-modes",
        E,
        "How London commuted",
        "Even before the charge, the great majority of people commuting into central London came by public transport.",
    )
    b.st(
        "nyc-modes",
        E,
        "How New York commutes",
        "Analyses of New York commuting data found that only a small share of low-income workers who commute "
        "into the charging zone drive there.",
        notes="For example the Community Service Society of New York's analyses of census commuting data.",
    )
    b.st(
        "package",
        P,
        "The package is progressive",
        "Taken together with how its revenue is spent, a charge can leave lower-income residents better off "
        "on average.",
    )
    b.st(
        "discounts",
        P,
        "Discounts for those who must drive",
        "Schemes can protect those who must drive: London gives residents of the zone a 90% discount and "
        "exempts disabled Blue Badge holders.",
    )
    b.st(
        "hours",
        P,
        "Night shifts go free",
        "Charges apply only at busy times, in London during the day, so most night-shift journeys are free.",
    )
    b.support("must-drive", "regressive", key="must-drive->regressive")
    b.support("london-modes", "transit-riders")
    b.support("nyc-modes", "transit-riders")
    b.support(
        ["transit-riders", "revenue"],
        "package",
        title="Who pays, who gains",
        notes="Linked: spending the money on transit helps the poor only because they are the ones riding it.",
    )
    b.attack("regressive", "c", key="regressive->c")
    b.attack(
        "package",
        "regressive->c",
        notes="Undercut: the charge alone may be regressive, but a policy is judged as a whole, and the "
        "whole can be progressive.",
    )
    b.attack("discounts", "must-drive->regressive")
    b.attack("hours", "must-drive->regressive")

    # ================================================================ business
    b.st(
        "business",
        P,
        "Shops lose customers",
        "A charge drives shoppers and visitors away from the businesses in the charged area.",
        tags=["objection"],
    )
    b.st(
        "business-ev",
        E,
        "No clear effect on London's businesses",
        "Transport for London's monitoring found no clear overall effect of the charge on the performance of "
        "businesses in central London.",
    )
    b.st(
        "shoppers",
        P,
        "Most shoppers don't drive in",
        "In central London, most shoppers and visitors arrive by public transport, on foot or by bike.",
    )
    b.attack("business", "c")
    b.attack("business-ev", "business")
    b.attack("shoppers", "business")

    # ================================================================ politics
    b.st("unpopular", P, "Voters say no", "Voters reject congestion charges when they are asked.", tags=["objection"])
    b.st(
        "edinburgh",
        E,
        "Edinburgh, 2005",
        "In a 2005 referendum, Edinburgh's voters rejected a congestion charge by about three to one.",
    )
    b.st(
        "manchester",
        E,
        "Greater Manchester, 2008",
        "In 2008, Greater Manchester's voters rejected a congestion charge tied to transit investment by about "
        "four to one.",
    )
    b.st(
        "gothenburg",
        E,
        "Gothenburg, 2014",
        "In 2014, Gothenburg's voters rejected their city's new charge in an advisory referendum; the charge stayed.",
    )
    b.st(
        "warm-up",
        P,
        "Opposition fades with use",
        "Opposition tends to fade once people have lived with a charge and seen the traffic improve.",
    )
    b.st(
        "stockholm-vote",
        E,
        "Stockholm changed its mind",
        "Most Stockholm residents opposed the charge before the 2006 trial; after it, the city voted to keep "
        "it, and support has grown since.",
    )
    b.st(
        "suburbs",
        P,
        "The suburbs still said no",
        "Several municipalities around Stockholm, whose drivers also paid the charge, voted against it in "
        "their own referendums after the trial.",
    )
    b.support("edinburgh", "unpopular")
    b.support("manchester", "unpopular")
    b.support("gothenburg", "unpopular")
    b.support("stockholm-vote", "warm-up", key="stockholm-vote->warm-up")
    b.attack("unpopular", "c")
    b.attack("warm-up", "unpopular")
    b.attack(
        "suburbs",
        "stockholm-vote->warm-up",
        notes="Undercut: people who lived with the charge outside the city still rejected it, so "
        "Stockholm's vote may show who gained, not that experience wins people over.",
    )

    # ================================================================ privacy
    b.st(
        "privacy",
        P,
        "Cameras track everyone",
        "Enforcing a charge means cameras recording the movements of every vehicle.",
        tags=["objection"],
    )
    b.st(
        "singapore-privacy",
        E,
        "Singapore pays from the car",
        "Singapore's system deducts the charge from a card in the car's own unit; its cameras photograph only "
        "vehicles that fail to pay.",
        notes="The gantry-based system in use since 1998. Its satellite-based successor, being rolled out "
        "from 2023, has revived the privacy debate.",
    )
    b.st(
        "retention",
        P,
        "The law can limit the data",
        "Laws can require the records of paying drivers to be deleted quickly and bar any other use of them.",
    )
    b.attack("privacy", "c", key="privacy->c")
    b.attack("singapore-privacy", "privacy")
    b.attack(
        "retention",
        "privacy->c",
        notes="Undercut: records kept briefly and for one purpose are not tracking, whatever the cameras see.",
    )
    b.map.set_meta(
        layout_direction="LR"
    )  # a broad debate: left to right keeps it near square instead of a 6,000 px strip
    return b.map
