"""The op-ed on the September 2023 Kim-Putin summit, mapped in full and anchored to its text."""

from __future__ import annotations

from argmap.model import ArgumentMap, Source

from .builder import C, E, MapBuilder, P, element_id

FILE = "kim-putin-summit.argmap.json"
SEED = "oped-kim-putin-summit.txt"


DESCRIPTION = (
    "An op-ed on Kim Jong Un's September 2023 visit to Vladimir Putin at the Vostochny Cosmodrome, mapped in "
    "full. Every statement the author makes is anchored to the passage it quotes or paraphrases; select one to "
    "see it in the text. The op-ed gives no headline, so the source's title is descriptive; its author is named "
    "at the end.\n\n"
    "How the map is drawn: CONCLUSIONS are the thesis (the West is right to fear the summit), the practical "
    "conclusion drawn beside it (the West must be proactive and vigilant), and the head of each branch: a claim "
    "that gives the thesis a reason on its own and has reasons of its own. Every other claim is a PREMISE, even "
    "where the map argues for it. EVIDENCE is kept for what the author reports as observed (a missile test, a "
    "train's route, a silence, a photo caption), never for a prediction, an interpretation or a sweeping "
    "description. Titles are claims, with the author's hedges and conditions kept. Statements drawn "
    "in [brackets] with a dashed outline are implicit: left unstated by the author and added by the analyst; "
    "they quote nothing. Other words in [brackets] are the analyst's reading, not the author's. An "
    "objection the author concedes but outweighs ('For all China's aversion ...') is assessed "
    "accepted, and its attack weak."
)


def build(text: str) -> ArgumentMap:
    src = Source(
        element_id("kim-putin-summit", "source"),
        text,
        title="Op-ed on the Kim\u2013Putin summit (September 2023)",
        author="Edward Howell",
        date="2023-09",
    )
    b = MapBuilder("kim-putin-summit", "The Kim\u2013Putin summit: why the West is right to worry", DESCRIPTION, src)
    # ---------------------------------------------------------------- the thesis
    b.st(
        "c",
        C,
        "The West is right to fear the summit",
        "The West is right to watch the Kim\u2013Putin summit with fear.",
        "So when North Korea\u2019s Kim Jong Un and Russia\u2019s Vladimir Putin sat down together this week, "
        "the West rightly watched with fear.",
    )

    # ------------------------------------------------- paragraphs 1-2: dangerous states
    b.st(
        "principle",
        P,
        "When dangerous states meet, we should worry",
        "When the leaders of two of the most dangerous states in the world meet, to say we should be concerned "
        "is an understatement.",
        "When the leaders of two of the most dangerous states in the world meet, to say we should be concerned "
        "is an understatement.",
    )
    b.st(
        "dangerous",
        P,
        "North Korea and Russia are among the most dangerous states",
        "North Korea and Russia are two of the most dangerous states in the world.",
        implicit=True,
        notes="Unstated premise: the opening 'So' applies the principle to this meeting, which works only if "
        "North Korea and Russia are such states. The author does not say so; the second paragraph (a North Korea "
        "that will not curb its arms, a Kremlin that will not end its war) is the support he gives for it.",
    )
    b.support(
        ["principle", "dangerous"],
        "c",
        title="The principle applied",
        notes="Linked: the principle says nothing about this summit without the premise that these are "
        "such states, and that premise says nothing about concern without the principle.",
    )
    b.st(
        "nk-arms",
        P,
        "North Korea won't curb its nuclear arms",
        "North Korea has made clear that it has no intention of curtailing its nuclear and missile capabilities.",
        "North Korea has made clear that it has no intention of curtailing its nuclear and missile capabilities",
    )
    b.st(
        "missile-tests",
        E,
        "North Korea tested missiles during the talks",
        "North Korea launched two ballistic missile tests while Kim was in talks with Putin.",
        "it even launched two ballistic missile tests while Kim was in talks with Putin.",
    )
    b.st(
        "ukraine",
        P,
        "The Kremlin won't end its war in Ukraine",
        "The Kremlin shows no intention of ending its dirty war in Ukraine.",
        "Likewise, the Kremlin shows no intention of ending its dirty war in Ukraine.",
    )
    b.support("missile-tests", "nk-arms")
    b.support(
        ["nk-arms", "ukraine"],
        "dangerous",
        title="Both states are dangerous",
        notes="Linked: each premise shows one of the two states to be dangerous; the claim is about both.",
    )

    # --------------------------------------------- paragraphs 2-3: the direction of travel
    b.st(
        "battlefield",
        C,
        "If the West is not vigilant, East Asia could become a battlefield",
        "If the West is not proactive and vigilant, East Asia could quickly become the next battlefield and, "
        "dare I say it, the powder keg for a new global conflict, fought with new technology such as missiles or "
        "cyber weapons.",
        "If the West is not proactive and vigilant, East Asia could quickly become the next battlefield and, "
        "dare I say it, the powder keg for a new global conflict, this time with new technology, whether "
        "missiles or cyber weapons.",
    )
    b.st(
        "direction",
        P,
        "The direction of travel is clear",
        "The direction of travel is clear: North Korea, Russia and China are all pressing on.",
        "The direction of travel is clear.",
    )
    b.st(
        "china",
        P,
        "China keeps expanding its reach",
        "China continues to expand its political, economic and espionage tentacles beyond the South China Sea.",
        "At the same time, China continues to expand its political, economic and espionage tentacles beyond "
        "the South China Sea",
    )
    b.st(
        "parliament",
        E,
        "China reportedly spies even in Parliament",
        "China's espionage has reportedly reached even into the Houses of Parliament.",
        "reportedly even into our own Houses of Parliament.",
        notes="The author hedges: 'reportedly'.",
    )
    b.support("parliament", "china")
    b.support("nk-arms", "direction")
    b.support("ukraine", "direction")
    b.support("china", "direction")
    b.support("direction", "battlefield")
    b.support(
        "battlefield",
        "c",
        notes="The summit is a step in the direction of travel that could make East Asia the next battlefield.",
    )
    b.st(
        "practical",
        C,
        "The West must be proactive and vigilant",
        "The West must be proactive and vigilant.",
        implicit=True,
        notes="Unstated practical conclusion: the author states only the conditional ('If the West is not "
        "proactive and vigilant, ...'); what he urges follows from it.",
    )
    b.support(
        "battlefield",
        "practical",
        notes="With the unstated value premise that East Asia must not become the next battlefield.",
    )

    # --------------------------------------------------- paragraph 4: the cosmodrome
    b.st(
        "venue",
        C,
        "The spaceport detour is extremely important",
        "That Kim's train went on to a spaceport instead of stopping at Vladivostok is extremely important: "
        "[space and missile technology were on the table].",
        "It came as a surprise when the bulletproof train carrying paranoid Pyongyang non-frequent flyer Kim "
        "Jong-un did not stop at its expected destination of Vladivostok, Russia, but instead continued to the "
        "Vostochny Cosmodrome, a spaceport in the far east of Russia.",
        "This is extremely important.",
        notes="The author says only that the detour is 'extremely important'. That it is so because space and "
        "missile technology were on the table is the analyst's interpretation, from the sentence that follows "
        "(satellites as a step towards ICBMs) and the photo of the missile hangar.",
    )
    b.st(
        "train",
        E,
        "Kim's train went on to a spaceport",
        "Kim's armoured train did not stop at Vladivostok, as expected, but went on to the Vostochny "
        "Cosmodrome, a spaceport in Russia's far east, where the leaders met.",
        "did not stop at its expected destination of Vladivostok, Russia, but instead continued to the "
        "Vostochny Cosmodrome, a spaceport in the far east of Russia",
        "shake hands during their meeting at the Vostochny Cosmodrome",
    )
    b.st(
        "satellites",
        P,
        "Satellite work is likely a step towards ICBMs",
        "North Korea has pursued satellite technology for years, likely as a step towards intercontinental "
        "ballistic missiles.",
        "North Korea has been pursuing satellite technology for years, likely as a precursor to developing "
        "intercontinental ballistic missile technology.",
    )
    b.st(
        "hangar",
        E,
        "The leaders toured a missile assembly hangar",
        "The two leaders examined a missile assembly hangar during their meeting.",
        "Kim Jong Un and President Putin examine a missile assembly hangar during their meeting on September 13, 2023",
        notes="From a photo caption in the text.",
    )
    b.support(
        ["train", "satellites"],
        "venue",
        title="Why the venue matters",
        notes="Linked: the detour alone is a travel detail, and North Korea's satellite ambitions alone "
        "say nothing about this summit; together they suggest it was about space and missile "
        "technology.",
    )
    b.support("hangar", "venue")
    b.support("venue", "c")

    # ------------------------------------------------- paragraphs 7-8: Beijing's hand
    b.st(
        "beijing",
        C,
        "Beijing very likely brokered the summit",
        "It is highly likely that Beijing stood behind the summit: Xi Jinping brokered it, and Kim was led by Beijing.",
        "Kim was led by Beijing",
        "it remains highly likely that Xi Jinping brokered the summit",
    )
    b.st(
        "precedent",
        P,
        "Beijing led Kim's summits with Trump too",
        "Beijing also led Kim into his earlier summits with Donald Trump in Singapore and Hanoi.",
        "as with his previous summits in Singapore and Hanoi with Donald Trump",
        notes="The author takes it as known ('as with'); it is his reading of those summits, offered without evidence.",
    )
    b.st(
        "silence",
        E,
        "China kept unusually silent",
        "China has been unusually silent in the run-up to and during the meeting.",
        "There has been unusual silence in China in the run-up to and during the meeting",
    )
    b.st(
        "friends",
        P,
        "China needs friends on the Korean Peninsula",
        "China needs friends on the Korean Peninsula.",
        "the Middle Kingdom needs friends on the Korean Peninsula.",
    )
    b.st(
        "aversion",
        P,
        "China does not want a nuclear North Korea",
        "China does not want a nuclear-armed North Korea on its border.",
        "For all China\u2019s aversion to a nuclear North Korea on its border",
        tags=["objection", "conceded"],
        assessment="accepted",
        notes="Conceded, not answered: 'For all ...' grants China's aversion (so it is assessed accepted) "
        "and weighs it against China's need for friends, which the author judges the heavier.",
    )
    b.support("precedent", "beijing")
    b.support("silence", "beijing")
    b.support(
        "friends",
        "beijing",
        title="Beijing's motive",
        notes="Why Beijing would broker the summit: it needs friends on the peninsula.",
    )
    b.attack(
        "aversion",
        "beijing",
        title="Why would China help?",
        assessment="weak",
        notes="Why would China broker a summit that strengthens the nuclear North Korea it does not want? "
        "Outweighed: the author holds China's need for friends to count for more (so this attack is assessed "
        "weak).",
    )
    b.support(
        "beijing",
        "c",
        notes="The author does not say why Beijing's hand matters. Read with the second paragraph, it makes "
        "the summit a move of all three powers pressing on in East Asia, not a bilateral affair.",
    )

    # -------------------------------------------- paragraphs 9-10: the shopping lists
    b.st(
        "disaster",
        C,
        "If both get what they want, disaster awaits",
        "If both leaders get what they want, a global geopolitical disaster awaits.",
        "If both leaders get what they want, a global geopolitical disaster awaits.",
    )
    b.st(
        "lists",
        P,
        "Each came with a shopping list",
        "Kim and Putin each came to the summit with a shopping list of what the other can supply.",
        "Kim and Putin arrived at the meeting yesterday, each armed with a shopping list.",
    )
    b.st(
        "putin-list",
        E,
        "Putin wanted shells and anti-tank missiles",
        "Putin wanted North Korean artillery shells and anti-tank missiles, low in quality but badly needed, "
        "to use against Ukraine.",
        "Putin longed for a much-needed supply \u2013 albeit low quality \u2013 of North Korean artillery shells "
        "and anti-tank missiles to use against Ukraine.",
    )
    b.st(
        "kim-list",
        E,
        "Kim wanted food, money and technology",
        "Kim needed food for his starving population, money for his crippled economy, and sophisticated "
        "satellite and nuclear-armed submarine technology.",
        "Kim needed food to feed his starving population, money to prop up his crippling economy, and "
        "sophisticated satellite and nuclear-armed submarine technology.",
    )
    b.support(
        ["putin-list", "kim-list"],
        "lists",
        title="A trade needs two lists",
        notes="Linked: each list alone shows one leader's wants; only together do they show that each "
        "can supply what the other needs.",
    )
    b.support(
        "lists",
        "disaster",
        notes="What is on the lists, munitions for the war in Ukraine and satellite and nuclear-submarine "
        "technology for North Korea, is what would make a completed trade a disaster.",
    )
    b.support("disaster", "c")

    # ---------------------------------- 'deal or no deal': an objection and two replies
    b.st(
        "no-deal",
        P,
        "There may be no deal",
        "The summit may end without any deal being signed.",
        "Deal or no deal",
        tags=["objection"],
        notes="Raised by the author's own 'Deal or no deal': if nothing is signed, is there anything to fear? "
        "He answers it twice: a deal is likely (a rebuttal), and Kim gains even without one (an undercut).",
    )
    b.attack(
        "no-deal",
        "c",
        key="no-deal->c",
        title="Then what is there to fear?",
        notes="The objection assumes that a summit without a deal would be harmless.",
    )
    b.st(
        "deal-likely",
        P,
        "A deal is likely",
        "Russia and North Korea are likely to make an arms deal.",
        implicit=True,
        notes="Unstated: the author's reason for expecting a deal is in the paragraphs on North Korea's arms "
        "trading ('Even more troubling ...') and on the sanctions that neither side cares about.",
    )
    b.attack("deal-likely", "no-deal", title="A rebuttal")
    b.st(
        "history",
        P,
        "Not North Korea's first attempted arms deal",
        "This is not the first time North Korea has tried to take part in the international arms trade.",
        "Even more troubling, this is not the first time North Korea has attempted to participate in the "
        "international arms trade.",
        notes="'Even more troubling' is the author's link back to the thesis: the record makes the feared deal "
        "likelier.",
    )
    b.st(
        "illegal",
        P,
        "Pyongyang has long mastered the illegal deal",
        "Pyongyang has spent years mastering the art of the illegal deal.",
        "In fact, Pyongyang has spent years mastering the art of the illegal deal.",
        notes="A sweeping description, given without examples or figures.",
    )
    b.support("illegal", "history")
    b.support("history", "deal-likely")

    # ------------------------------------------------ paragraph 12: a powerless UN
    b.st(
        "un",
        C,
        "The UN is increasingly powerless",
        "The United Nations, at its weakest since its founding after the Second World War, is increasingly "
        "powerless to contain these two nuclear-weapon states.",
        "Equally worrying is that the United Nations, at its weakest since its creation after the end of World "
        "War II, is becoming increasingly powerless to contain these two nuclear-weapon states.",
    )
    b.st(
        "sanctions",
        P,
        "A deal would breach UN sanctions",
        "If an arms deal were signed, Russia, a permanent member of the U.N. Security Council, would be "
        "violating U.N. sanctions.",
        "If an arms deal were signed at lunch, Russia, a permanent member of the U.N. Security Council, would "
        "be in violation of U.N. sanctions.",
    )
    b.st(
        "dont-care",
        P,
        "They likely don't care",
        "It is hard to imagine that [Russia and North Korea] care [about violating U.N. sanctions].",
        "It\u2019s hard to imagine that they care.",
        notes="Interpretation: the author's 'they' is read as Russia and North Korea, the two states the "
        "paragraph is about; it could mean Russia alone.",
    )
    b.st(
        "veto",
        P,
        "Russia will veto sanctions on North Korea",
        "Russia\u2019s position in the UN Security Council will veto any sanctions or condemnation imposed on "
        "North Korea, whether over its nuclear programme or its blatant human rights violations.",
        "Russia\u2019s position in the UN Security Council will veto any sanctions or condemnation imposed on "
        "North Korea, whether related to its nuclear program or its blatant human rights violations",
        notes="A prediction, in the author's words ('will veto').",
    )
    b.support(
        ["sanctions", "dont-care"],
        "un",
        title="Rules that do not bind",
        notes="Linked: the sanctions a deal would break show that the UN's rules are at stake; that the "
        "violators do not care shows that the rules do not bind them. Only together do they show "
        "that the UN cannot contain them.",
    )
    b.support("veto", "un", notes="A Security Council that one of the two can block cannot contain them.")
    b.support("dont-care", "deal-likely", notes="Sanctions deter no one who does not care about them.")
    b.support("un", "c")

    # ---------------------------------------- paragraphs 10, 15-16: Kim wins either way
    b.st(
        "kim-wins",
        C,
        "Deal or no deal, Kim gains",
        "Deal or no deal, Kim goes home a winner: arm in arm with another rogue state, he can paralyse world "
        "politics to his and Moscow's advantage.",
        "Deal or no deal, Kim will smile on his long 55 km per hour train journey home, knowing that, arm in arm "
        "with another rogue state, he can paralyze world politics to his and Moscow\u2019s advantage.",
    )
    b.st(
        "allies",
        P,
        "The two appear closer than Cold War allies",
        "The two bad boys of international relations [Kim and Putin] now appear closer allies than their Cold "
        "War predecessors.",
        "The two bad boys of international relations now appear closer allies than their Cold War predecessors.",
    )
    b.support("allies", "kim-wins")
    b.support("veto", "kim-wins", notes="'He can also rest assured': one more gain for Kim, deal or no deal.")
    b.support("kim-wins", "c")
    b.attack(
        "kim-wins",
        "no-deal->c",
        title="Deal or no deal",
        notes="Undercut: the author grants that there may be no deal but denies that the summit would then be "
        "harmless, since Kim gains either way.",
    )

    # ---------------------------------------------- paragraphs 17-18: a seventh nuclear test
    b.st(
        "test",
        C,
        "A seventh nuclear test is likelier than ever",
        "There is now a greater chance than ever that North Korea will conduct its seventh nuclear test, six "
        "years after the last: terrifying for the rest of the world.",
        "Even more pleasing for North Korea\u2019s third Supreme Leader, but terrifying for the rest of the "
        "world, there is now a greater chance than ever that the Hermit Kingdom will conduct its seventh "
        "nuclear test \u2013 six years after the last.",
        notes="'Terrifying for the rest of the world' is the author's link back to the thesis.",
    )
    b.st(
        "if-ready",
        P,
        "If ready and unpunished, Kim might as well test",
        "If the technology is ready and Kim can get away with a test without paying a price, he might as well "
        "do it tomorrow.",
        "If the technology is ready, and Kim can get away with it without paying a price, he might as well do "
        "it tomorrow.",
    )
    b.st(
        "ready",
        P,
        "The technology is (nearly) ready",
        "North Korea's technology for a seventh nuclear test is ready, or nearly so.",
        implicit=True,
        notes="Unstated premise: the conditional needs its first condition too. The author does not say the "
        "technology is ready; without it, the veto shows only that a test would cost Kim nothing.",
    )
    b.support(
        ["if-ready", "ready", "veto"],
        "test",
        title="No price to pay",
        notes="Linked: the conditional needs both its conditions, that the technology is ready (unstated) and "
        "that Kim can test without paying a price, which Russia's veto over sanctions supplies.",
    )
    b.support("test", "c")
    # eight reasons and an objection for one thesis read best left to right; compact cards (each
    # statement's title, its full text in the tooltip, Inspector and Outline) put the whole op-ed on one
    # A4 page at a readable size, where full cards would not (benchmarks/bench_sample_pages.py)
    b.map.set_meta(layout_direction="LR", card_text="titles")
    return b.map
