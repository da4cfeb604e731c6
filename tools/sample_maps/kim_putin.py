"""The op-ed on the September 2023 Kim-Putin summit, mapped in full and anchored to its text."""

from __future__ import annotations

from argmap.model import ArgumentMap, Source

from .builder import C, E, MapBuilder, P, element_id

FILE = "kim-putin-summit.argmap.json"
SEED = "oped-kim-putin-summit.txt"


def build(text: str) -> ArgumentMap:
    src = Source(
        element_id("kim-putin-summit", "source"),
        text,
        title="Op-ed on the Kim\u2013Putin summit (September 2023)",
        author="Edward Howell",
        date="2023-09",
    )
    b = MapBuilder(
        "kim-putin-summit",
        "The Kim\u2013Putin summit: why the West is right to worry",
        "An op-ed on Kim Jong Un's September 2023 visit to Vladimir Putin at the Vostochny Cosmodrome, mapped in "
        "full. Every statement is anchored to the passage it quotes or paraphrases; select one to see it in the "
        "text. The op-ed gives no headline, so the source's title is descriptive; its author is named at the end.",
        src,
    )
    # -------------------------------------------------------------- the main conclusion
    b.st(
        "c",
        C,
        "The summit is rightly feared",
        "The West is right to watch the Kim\u2013Putin summit with fear.",
        "So when North Korea\u2019s Kim Jong Un and Russia\u2019s Vladimir Putin sat down together this week, "
        "the West rightly watched with fear.",
    )
    b.st(
        "principle",
        P,
        "Dangerous states meeting",
        "When the leaders of two of the most dangerous states in the world meet, to say we should be concerned "
        "is an understatement.",
        "When the leaders of two of the most dangerous states in the world meet, to say we should be concerned "
        "is an understatement.",
    )
    b.st(
        "instance",
        P,
        "These are such states",
        "North Korea and Russia are two of the most dangerous states in the world.",
        "two of the most dangerous states in the world",
        tags=["implicit"],
        notes="Unstated premise: the opening 'So' applies the general principle to this meeting, which works "
        "only if North Korea and Russia are such states. The author treats it as obvious.",
    )
    b.support(
        ["principle", "instance"],
        "c",
        title="The principle applied",
        notes="Linked: the principle says nothing about this summit without the premise that these are "
        "such states, and that premise says nothing about concern without the principle.",
    )

    # ---------------------------------------------- East Asia: the direction of travel
    b.st(
        "battlefield",
        C,
        "East Asia: the next battlefield",
        "Unless the West is proactive and vigilant, East Asia could quickly become the next battlefield and the "
        "powder keg of a new global conflict, fought with new technology such as missiles or cyber weapons.",
        "If the West is not proactive and vigilant, East Asia could quickly become the next battlefield and, "
        "dare I say it, the powder keg for a new global conflict, this time with new technology, whether "
        "missiles or cyber weapons.",
    )
    b.st(
        "direction",
        P,
        "A clear direction of travel",
        "The direction of travel is clear: North Korea, Russia and China are all pressing on.",
        "The direction of travel is clear.",
    )
    b.st(
        "nk-arms",
        P,
        "North Korea keeps arming",
        "North Korea has made clear that it has no intention of curtailing its nuclear and missile capabilities.",
        "North Korea has made clear that it has no intention of curtailing its nuclear and missile capabilities",
    )
    b.st(
        "missile-tests",
        E,
        "Missile tests during the talks",
        "North Korea launched two ballistic missile tests while Kim was in talks with Putin.",
        "it even launched two ballistic missile tests while Kim was in talks with Putin.",
    )
    b.st(
        "ukraine",
        P,
        "The Kremlin's war goes on",
        "The Kremlin shows no intention of ending its dirty war in Ukraine.",
        "Likewise, the Kremlin shows no intention of ending its dirty war in Ukraine.",
    )
    b.st(
        "china",
        P,
        "China's reach expands",
        "China continues to expand its political, economic and espionage tentacles beyond the South China Sea.",
        "At the same time, China continues to expand its political, economic and espionage tentacles beyond "
        "the South China Sea",
    )
    b.st(
        "parliament",
        E,
        "Espionage in Parliament",
        "China's espionage has reportedly reached even into the Houses of Parliament.",
        "reportedly even into our own Houses of Parliament.",
        notes="The author hedges: 'reportedly'.",
    )
    b.support("missile-tests", "nk-arms")
    b.support("parliament", "china")
    b.support("nk-arms", "direction")
    b.support("ukraine", "direction")
    b.support("china", "direction")
    b.support("direction", "battlefield")

    # ------------------------------------------------------------ Beijing's hand
    b.st(
        "beijing",
        C,
        "Beijing behind the summit",
        "Beijing very likely stood behind the summit: Xi Jinping brokered it and led Kim into it.",
        "Kim was led by Beijing",
        "it remains highly likely that Xi Jinping brokered the summit",
    )
    b.st(
        "precedent",
        E,
        "Precedent: Singapore and Hanoi",
        "Beijing also steered Kim's earlier summits with Donald Trump in Singapore and Hanoi.",
        "as with his previous summits in Singapore and Hanoi with Donald Trump",
    )
    b.st(
        "silence",
        E,
        "China's unusual silence",
        "China has been unusually silent in the run-up to and during the meeting.",
        "There has been unusual silence in China in the run-up to and during the meeting",
    )
    b.st(
        "aversion",
        P,
        "China dislikes a nuclear North",
        "China does not want a nuclear-armed North Korea on its border.",
        "For all China\u2019s aversion to a nuclear North Korea on its border",
        tags=["objection"],
    )
    b.st(
        "friends",
        P,
        "China needs friends there",
        "China needs friends on the Korean Peninsula.",
        "the Middle Kingdom needs friends on the Korean Peninsula.",
    )
    b.support("precedent", "beijing")
    b.support("silence", "beijing")
    b.attack(
        "aversion",
        "beijing",
        key="china-objection",
        title="Why would China help?",
        notes="A concession the author raises ('For all ...'): why would China broker a summit that "
        "strengthens the nuclear North Korea it does not want?",
    )
    b.attack(
        "friends",
        "china-objection",
        title="Friends outweigh fears",
        notes="Undercut: the author grants China's aversion but denies that it counts against Beijing's "
        "role, because China's need for allies on the peninsula outweighs it.",
    )
    b.support(
        "beijing",
        "battlefield",
        notes="With Beijing behind it, the summit is part of a wider alignment of the powers around "
        "East Asia, not a bilateral affair.",
    )
    b.support("battlefield", "c")

    # ------------------------------------------------------------ the cosmodrome
    b.st(
        "venue",
        C,
        "The venue matters",
        "That the leaders met at a spaceport is extremely important: space and missile technology are on the table.",
        "This is extremely important.",
    )
    b.st(
        "train",
        E,
        "Detour to the cosmodrome",
        "Kim's armoured train did not stop at Vladivostok, as expected, but went on to the Vostochny "
        "Cosmodrome, a spaceport in Russia's far east, where the leaders met.",
        "did not stop at its expected destination of Vladivostok, Russia, but instead continued to the "
        "Vostochny Cosmodrome, a spaceport in the far east of Russia",
        "shake hands during their meeting at the Vostochny Cosmodrome",
    )
    b.st(
        "satellites",
        P,
        "Satellites lead to ICBMs",
        "North Korea has pursued satellite technology for years, likely as a step towards intercontinental "
        "ballistic missiles.",
        "North Korea has been pursuing satellite technology for years, likely as a precursor to developing "
        "intercontinental ballistic missile technology.",
    )
    b.st(
        "hangar",
        E,
        "A missile assembly hangar",
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

    # ------------------------------------------------------------ the shopping lists
    b.st(
        "disaster",
        C,
        "A deal spells disaster",
        "If both leaders get what they want, a global geopolitical disaster awaits.",
        "If both leaders get what they want, a global geopolitical disaster awaits.",
    )
    b.st(
        "lists",
        P,
        "Each came to trade",
        "Kim and Putin each came to the summit with a shopping list of what the other can supply.",
        "Kim and Putin arrived at the meeting yesterday, each armed with a shopping list.",
    )
    b.st(
        "putin-list",
        E,
        "Putin's shopping list",
        "Putin wanted North Korean artillery shells and anti-tank missiles, low in quality but badly needed, "
        "to use against Ukraine.",
        "Putin longed for a much-needed supply \u2013 albeit low quality \u2013 of North Korean artillery shells "
        "and anti-tank missiles to use against Ukraine.",
    )
    b.st(
        "kim-list",
        E,
        "Kim's shopping list",
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
        key="lists->disaster",
        notes="What is on the lists, munitions for the war in Ukraine and satellite and nuclear-submarine "
        "technology for North Korea, is what would make a completed trade a disaster.",
    )
    b.support("disaster", "c", key="disaster->c")
    b.st(
        "no-deal",
        P,
        "There may be no deal",
        "The summit may end without any deal being signed.",
        "Deal or no deal",
        tags=["objection"],
        notes="Raised by the author's own 'Deal or no deal': the disaster needs a deal.",
    )
    b.attack(
        "no-deal",
        "disaster->c",
        title="The disaster is conditional",
        notes="Undercut: the disaster is a reason for fear only if a deal is made. The author answers "
        "not by denying it but with a reason that holds either way: Kim gains regardless.",
    )

    # ------------------------------------------------------------ the arms trade
    b.st(
        "history",
        P,
        "Not North Korea's first arms deal",
        "This is not the first time North Korea has tried to take part in the international arms trade.",
        "this is not the first time North Korea has attempted to participate in the international arms trade.",
    )
    b.st(
        "illegal",
        E,
        "Master of the illegal deal",
        "Pyongyang has spent years mastering the art of the illegal deal.",
        "In fact, Pyongyang has spent years mastering the art of the illegal deal.",
    )
    b.support("illegal", "history")
    b.support("history", "c")

    # ------------------------------------------------------------ a powerless UN
    b.st(
        "un",
        C,
        "The UN is powerless",
        "The United Nations, at its weakest since its founding after the Second World War, is increasingly "
        "powerless to contain these two nuclear-weapon states.",
        "the United Nations, at its weakest since its creation after the end of World War II, is becoming "
        "increasingly powerless to contain these two nuclear-weapon states.",
    )
    b.st(
        "sanctions",
        P,
        "A deal would break sanctions",
        "If an arms deal were signed, Russia, a permanent member of the U.N. Security Council, would be "
        "violating U.N. sanctions.",
        "If an arms deal were signed at lunch, Russia, a permanent member of the U.N. Security Council, would "
        "be in violation of U.N. sanctions.",
    )
    b.st(
        "dont-care",
        P,
        "They do not care",
        "It is hard to imagine that Russia and North Korea care.",
        "It\u2019s hard to imagine that they care.",
    )
    b.support(
        ["sanctions", "dont-care"],
        "un",
        title="Rules that do not bind",
        notes="Linked: the sanctions a deal would break show that the UN's rules are at stake; that the "
        "violators do not care shows that the rules do not bind them. Only together do they show "
        "that the UN cannot contain them.",
    )
    b.support("un", "c")

    # ------------------------------------------------------------ Kim wins either way
    b.st(
        "kim-wins",
        C,
        "Kim gains either way",
        "Deal or no deal, Kim goes home a winner: arm in arm with another rogue state, he can paralyse world "
        "politics to his and Moscow's advantage.",
        "Kim will smile on his long 55 km per hour train journey home, knowing that, arm in arm with another "
        "rogue state, he can paralyze world politics to his and Moscow\u2019s advantage.",
    )
    b.st(
        "allies",
        P,
        "Closer than Cold War allies",
        "The two bad boys of international relations now look like closer allies than their Cold War predecessors.",
        "The two bad boys of international relations now appear closer allies than their Cold War predecessors.",
    )
    b.st(
        "veto",
        E,
        "Russia's Security Council veto",
        "Russia's seat on the UN Security Council lets it veto any sanctions or condemnation of North Korea, "
        "whether over its nuclear programme or its human rights violations.",
        "Russia\u2019s position in the UN Security Council will veto any sanctions or condemnation imposed on "
        "North Korea, whether related to its nuclear program or its blatant human rights violations",
    )
    b.support("allies", "kim-wins")
    b.support("veto", "kim-wins")
    b.support("kim-wins", "c")

    # ------------------------------------------------------------ a seventh nuclear test
    b.st(
        "test",
        C,
        "A seventh nuclear test is likelier",
        "There is now a greater chance than ever that North Korea will conduct its seventh nuclear test, six "
        "years after the last.",
        "there is now a greater chance than ever that the Hermit Kingdom will conduct its seventh nuclear "
        "test \u2013 six years after the last.",
    )
    b.st(
        "if-ready",
        P,
        "Nothing holds him back",
        "If the technology is ready and Kim can get away with a test without paying a price, he might as well "
        "do it tomorrow.",
        "If the technology is ready, and Kim can get away with it without paying a price, he might as well do "
        "it tomorrow.",
    )
    b.support(
        ["if-ready", "veto"],
        "test",
        title="No price to pay",
        notes="Linked: the conditional needs its condition, that Kim can test without paying a price, "
        "which Russia's veto over sanctions supplies.",
    )
    b.support("test", "c")
    # nine reasons for one conclusion read best left to right; compact cards (each statement's title,
    # its full text in the tooltip, Inspector and Outline) put the whole op-ed on one A4 page at about
    # 8 pt, where full cards would need 4 pt (benchmarks/bench_sample_pages.py)
    b.map.set_meta(layout_direction="LR", card_text="titles")
    return b.map
