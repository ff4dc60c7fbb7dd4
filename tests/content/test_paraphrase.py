"""No page keeps a source article's sentence and swaps a few of its words.

test_pages.py catches a copied run of words. This test catches what slips past it: a sentence, or
two sentences side by side, that keep the seed's content words (or their usual stand-ins) and
only reword around them. Each page sentence, and each pair of adjacent sentences, is compared
with each seed sentence and pair by the content words they share, after stop words are dropped,
stand-ins are mapped to one word and the rest are stemmed.
"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.content.seeds import seed_texts

# DEBRIEF_DOCS=/path/to/docs runs these checks on another copy of the pages, such as main's.
DOCS = Path(os.environ.get("DEBRIEF_DOCS") or ROOT / "docs")

# The score is a weighted Dice coefficient of the two passages' content stems:
#     2 * weight(shared) / (weight(page passage) + weight(seed passage)),
# where a stem weighs its inverse document frequency over every sentence of the pages and the
# seeds. Dice rather than the overlap coefficient, so that a short checklist item naming one
# piece of a seed's advice ("Phone the interviewer and ask for tips") does not count as a copy of
# the long seed sentence that contains it (the overlap coefficient scored such items 1.0). IDF
# weights, so that the words every page of a handbook about interview feedback uses
# ("interview", "feedback", "ask") count for little, and the words that make a sentence the
# seed's own ("pretend", "personality", "distance", "rebuttal") count for a lot. A passage must
# also share at least MIN_SHARED stems, so that two short sentences with a couple of words in
# common do not trip it.
#
# THRESHOLD, from the figures measured on the first edition's pages:
#   - the eleven passages the second edition's brief named scored from 0.52 (handling-feedback.md,
#     "...If it really is your first-choice employer, tell them"; bad-interview.md, "...admit
#     honestly that you were off form, and ask for any tips") to 0.86 (handling-feedback.md, "You
#     asked for feedback, not for an appeal"), with the rest at 0.56 to 0.85;
#   - ten more passages of the same kind scored 0.52 to 0.80 (the HR-policy and false-hope
#     reasons in asking-for-feedback.md, the three answers to "how did it go?", a summary that
#     followed a seed's own list of steps), 21 in all. All were rewritten;
#   - after the rewrite, the highest score in the handbook is 0.46 (HONEST_MAX): a checklist item,
#     "Find out whether the employer gives candidates feedback", that shares only common words.
#     Between 0.40 and 0.46 there are six more, all table-of-contents lines, checklist items or
#     template fields that name a fact in the handbook's own words.
# 0.50 sits between the two: under every passage the brief named, over every honest one.
#
# Third edition (issue 17): seed passages are now also runs of up to three sentences across lines
# and list items (seed_runs), since a seed's list of short items reads as one passage, and three
# groups of verdict words became stand-ins. On the second edition's text these raised the
# mock-interview page's "great, fine or awful" from 0.00 (too few shared stems to score) to 0.49
# and left the honest maximum at 0.46. The review named fourteen more passages that keep a seed
# passage's turn with every word swapped: they scored 0.00 to 0.49, the same range as honest
# text, so no threshold here can catch them. The shape and list-order checks below do. After the
# rewrite the highest score is still 0.46 (HONEST_MAX), shared by the checklist item above and
# "Or send one note to the main contact and ask them to pass your thanks on".
THRESHOLD = 0.50
HONEST_MAX = 0.46
MIN_SHARED = 4

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either ever every few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just let me more most my myself nor now of on once only or other ought our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up us very was we were what when where
which while who whom why will with would yet you your yours yourself yourselves
i'd i'll i'm i've you'd you'll you're you've it's that's there's don't doesn't didn't isn't wasn't
won't can't couldn't wouldn't shouldn't aren't weren't haven't hasn't we're they're we'll they'll
one two much many may might must shall get gets got getting go goes going went gone make makes made
""".split())  # noqa: SIM905 - a word list reads best as words

# Words a writer swaps in for each other when rewording a sentence; each group counts as its
# first word. Kept to plain, common swaps: a paraphrase that only trades these is still one.
STAND_INS = """
guarantee ensure
prompt promptly timely quick quickly
fit suit suits suited match matches matched
rule rules policy policies
team teams department departments
misread misreads misinterpret misinterprets misunderstand misunderstands
appeal rebuttal
organisation organization company employer institution
aware understand
important importance emphasise emphasize
give giving gives provide providing provides deliver delivering
chance opportunity
hide bury
tips tip pointers advice
disappointment disappointed
interested keen interest
upset upsetting shaken
claim claims complaint complaints
good great best better brilliant nailed excellent
fine okay ok alright
awful brutal terrible disaster disastrous dreadful
admit acknowledge
candidate candidates applicant applicants interviewee interviewees
person individual someone
role roles position positions vacancy vacancies job jobs post posts opening openings
video technology online virtual
person face
"""
SYNONYM = {word: group.split()[0] for group in STAND_INS.strip().splitlines()
           for word in group.split()}

# Irregular forms that a suffix stripper cannot join to their stem.
IRREGULAR = {
    "told": "tell", "felt": "feel", "thought": "think", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "knew": "know", "known": "know", "said": "say",
    "saw": "see", "seen": "see", "came": "come", "worse": "bad", "worst": "bad", "won": "win",
    "met": "meet", "spent": "spend", "sent": "send", "kept": "keep", "held": "hold",
    "brought": "bring",
}
INFLECTIONS = ("ies", "es", "s", "ingly", "edly", "ing", "ed", "ly")
MIN_STEM = {"ly": 4}  # 'apply' stays whole
DERIVATIONS = ("isation", "ization", "ational", "ations", "ation", "iveness", "fulness",
               "ousness", "ivity", "ility", "ement", "ment", "ness", "ance", "ence", "able",
               "ible", "ant", "ent", "ism", "ity", "atory", "ory", "ive", "ise", "ize", "ful",
               "ous", "al", "er", "or", "ic", "ate")


def stem(word: str) -> str:
    """A small suffix stripper in the spirit of Porter's: one inflection, then one derivation,
    so 'prepared', 'preparing' and 'preparation' all become 'prepar', and 'important' and
    'importance' both 'import'."""
    word = SYNONYM.get(word, word)
    word = IRREGULAR.get(word, word)
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM.get(suffix, 3) \
                and not (suffix == "s" and word.endswith(("ss", "us", "is"))):
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # 'planned' -> 'plan'
            break
    for suffix in DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    word = word.removesuffix("e") if len(word) > 4 else word
    return word[:-1] + "i" if word.endswith("y") and len(word) > 3 else word


def content_stems(text: str) -> frozenset[str]:
    tokens = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))
    return frozenset(stem(t.removesuffix("'s")) for t in tokens if t not in STOP_WORDS)


@dataclass(frozen=True)
class Passage:
    where: str  # "docs/page.md:12" or "000_seed.txt:3"
    text: str
    stems: frozenset[str]
    unit: int = 0  # sentences of one paragraph, list item or table cell share it


# Markdown a reader does not read as words: fences, widget syntax, link targets, addresses,
# attribute lists, emphasis.
MARKUP = [
    (re.compile(r"^\s*(```|~~~).*$"), ""),
    (re.compile(r"^\s*///\s*([a-z-]+\s*\|?)?"), ""),
    (re.compile(r"^\s*(id|level|previous_ids|scale|guide):.*$"), ""),
    (re.compile(r"\]\([^)]*\)"), "]"),
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"\{[#.:][^}]*\}"), ""),
    (re.compile(r"[*_`\[\]>#|]+"), " "),
]
# A line that starts a new unit of text instead of continuing the one above it.
NEW_UNIT = re.compile(r"^\s*(?:[-*+] |\d+\. |#+ |\||///|!!!|\?\?\?|```|~~~|<|[A-Za-z ]+:\s{2,})")
SENTENCE_END = re.compile("(?<=[.!?\u2026])[\"\u201d\u2019)]*\\s+(?=[\"\u201c\u2018(A-Z0-9])")


def units(lines: list[str], first_line: int) -> list[list[tuple[int, str]]]:
    """Paragraphs, list items and table cells, each as its lines with their numbers."""
    found: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, first_line):
        if not line.strip() or NEW_UNIT.match(line) or line.startswith("    "):
            if current:
                found.append(current)
            current = []
            if not line.strip():
                continue
        if line.lstrip().startswith("|"):
            found.extend([(number, cell)] for cell in line.split("|") if cell.strip())
            continue
        current.append((number, line.strip()))
    if current:
        found.append(current)
    return found


def sentences(lines: list[str], first_line: int, where: str) -> list[Passage]:
    """Each sentence of the text, with the line it starts on (`where` has a `{line}` slot)."""
    passages = []
    for number, unit in enumerate(units(lines, first_line)):
        text, starts = "", []  # where each line begins in the joined text
        for line_number, line in unit:
            for pattern, replacement in MARKUP:
                line = pattern.sub(replacement, line)
            starts.append((len(text), line_number))
            text += line + " "
        position = 0
        for sentence in SENTENCE_END.split(text):
            line = max(line_number for offset, line_number in starts if offset <= position)
            position = text.index(sentence, position) + len(sentence)
            sentence = " ".join(sentence.split())
            if sentence:
                passages.append(Passage(where.format(line=line), sentence,
                                        content_stems(sentence), number))
    return passages


def with_pairs(found: list[Passage]) -> list[Passage]:
    """Each sentence, and each sentence joined to the next one in the same paragraph or item (a
    checklist's last item and the "Next step" line after it are not a pair)."""
    pairs = [Passage(a.where, f"{a.text} {b.text}", a.stems | b.stems, a.unit)
             for a, b in itertools.pairwise(found) if a.unit == b.unit]
    return [p for p in found + pairs if len(p.stems) >= MIN_SHARED]


def seed_runs(found: list[Passage], longest: int = 3) -> list[Passage]:
    """Each seed sentence, and each run of up to `longest` sentences in a row, across lines and
    list items: a seed's list of short items ("I nailed it!", "I think I did okay.") reads as one
    passage, and a page that folds the list into one sentence paraphrases the list, not an item."""
    runs = [Passage(run[0].where, " ".join(p.text for p in run),
                    frozenset().union(*(p.stems for p in run)), run[0].unit)
            for size in range(2, longest + 1)
            for run in (found[i:i + size] for i in range(len(found) - size + 1))
            if run[0].where.split(":")[0] == run[-1].where.split(":")[0]]
    return [p for p in found + runs if len(p.stems) >= MIN_SHARED]


def page_sentences(path: Path) -> list[Passage]:
    lines = path.read_text().splitlines()
    body = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    return sentences(lines[body:], body + 1, f"{path.relative_to(DOCS.parent)}:{{line}}")


def seed_sentences() -> list[Passage]:
    return [passage for name, text in seed_texts().items()
            for passage in sentences(text.splitlines(), 1, f"{name}:{{line}}")]


class Scorer:
    """Weighted Dice between page passages and seed passages, with an index to skip the pairs
    that share too few stems to matter."""

    def __init__(self, pages: dict[Path, list[Passage]], seeds: list[Passage]) -> None:
        everything = [p for found in pages.values() for p in found] + seeds
        counts = Counter(s for p in everything for s in p.stems)
        self.weight = {s: math.log((len(everything) + 1) / (n + 1)) for s, n in counts.items()}
        self.seeds = seed_runs(seeds)
        self.index: dict[str, list[int]] = defaultdict(list)
        for number, seed in enumerate(self.seeds):
            for s in seed.stems:
                self.index[s].append(number)

    def mass(self, stems: frozenset[str]) -> float:
        return sum(self.weight.get(s, 0.0) for s in stems)

    def closest(self, passage: Passage) -> tuple[float, Passage | None]:
        shared = Counter(n for s in passage.stems for n in self.index.get(s, ()))
        best: tuple[float, Passage | None] = (0.0, None)
        for number, count in shared.items():
            if count < MIN_SHARED:
                continue
            seed = self.seeds[number]
            both = self.mass(passage.stems) + self.mass(seed.stems)
            value = 2 * self.mass(passage.stems & seed.stems) / both
            if value > best[0]:
                best = (value, seed)
        return best


def scores(paths: list[Path]) -> list[tuple[float, Passage, Passage | None]]:
    """Each page passage with its score against the closest seed passage, highest first."""
    pages = {path: page_sentences(path) for path in paths}
    scorer = Scorer(pages, seed_sentences())
    found = [(*scorer.closest(p), p) for found in pages.values() for p in with_pairs(found)]
    return sorted(((value, page, seed) for value, seed, page in found),
                  key=lambda row: -row[0])


# ---- Shapes a reader found ------------------------------------------------------------------
#
# The score above compares words. A writer who keeps a seed sentence's turn, its examples and
# the order of its ideas, and swaps every word, shares almost no words with it: the third
# edition's review found fourteen such passages, which scored from 0.00 to 0.49, among honest
# passages scoring up to 0.46 (figures in the comment above). No threshold on shared words
# separates them. A longer list of stand-ins (thirty more groups, tried) raised honest passages
# as fast as the paraphrases: "In a first interview, it usually works better to ask about the
# role first" reached 0.48, and short headings such as "Asking for feedback" 0.83 once fewer
# shared stems were allowed. So the shapes a reader found are kept here as patterns, each
# written so that the seed passage it names matches it (test_each_shape_is_the_seeds_own checks
# this against the real seeds), and no page passage may match one. A shape is the seed's
# framing, not its fact: a page may say the same thing, in a form of its own.
#
# Each pattern runs on the lower-cased words of `sentences` sentences in a row (markup removed,
# curly quotes made straight); ^(?=.*x)(?=.*y) asks for x and y in any order.


@dataclass(frozen=True)
class Shape:
    seed: str  # the seed file's number
    line: int  # where the seed passage starts
    what: str
    pattern: str
    sentences: int = 2


SHAPES = [
    Shape("000", 1, "the three guesses at how an interview went (great, fine, awful)",
          r"^(?=.*\b(great|brilliant|nailed|aced|excellent|superb)\b)"
          r"(?=.*\b(awful|brutal|disaster|terrible|dreadful|horrible)\w*)", 3),
    Shape("000", 1, "the three guesses at how an interview went (fine, awful)",
          r"^(?=.*\b(fine|okay|ok|alright)\b)"
          r"(?=.*\b(awful|brutal|disaster|terrible|dreadful|horrible)\w*)", 3),
    Shape("000", 4, "they do not know how it went, even when offered the job",
          r"^(?=.*\b(know|knowing|knows|knew|judge|guess\w*|sure|certain|tells?)\b)"
          r"(?=.*\beven\b)(?=.*\b(offer\w*|job|position|hired)\b)"),
    Shape("000", 6, "a review does not promise success next time",
          r"^(?=.*\b(promis|guarant|ensur)\w*)(?=.*\b(success\w*|win|won|succeed\w*))"
          r"(?=.*\bnext\b)"),
    Shape("000", 6, "the review leaves people better prepared and more self-aware",
          r"^(?=.*(self[- ]aware|view of (their|your) own|own habits))"
          r"(?=.*\b(better prepared|head start)\b)"),
    Shape("001", 12, "the answer is no unless you ask",
          r"\b(no|nobody|no one|nothing|never)\b.{0,60}\bunless (you|we) ask"),
    Shape("001", 17, "once in a while someone is willing, and what they say is revealing",
          r"^(?=.*(now and then|once in a while|every so often|occasionally|from time to time))"
          r"(?=.*\b(frank|willing|candid|lucky)\b)(?=.*\breveal\w*)", 3),
    Shape("001", 47, "listen, take notes, do not argue: the rule in the seed's order",
          r"\blisten\w*\b.{0,60}\b(take|taking) notes\b.{0,80}\b(argu\w*|defend\w*)", 3),
    Shape("001", 48, "do not argue or defend (the seed's pair of verbs)",
          r"\b(argu\w*|arguing) or defend|\bdefend\w* or argu", 1),
    Shape("003", 5, "the more you prepare, the more confident you are",
          r"\bthe more (you )?prepar\w*.{0,40}\bthe (more|calmer|less|better|surer)\b", 1),
    Shape("003", 8, "mock interviews: practise answers, polish the presentation, gain confidence",
          r"^(?=.*\bpracti[cs]\w* (your|their) (answers|responses))(?=.*\bpresent\w*)"
          r"(?=.*\bconfiden\w*)", 3),
    Shape("003", 9, "a review shows strengths and weaknesses, and a story that fits the values",
          r"^(?=.*\b(strong|strengths?)\b)(?=.*\b(weak|weakness\w*)\b)"
          r"(?=.*\b(story|narrative)\b)(?=.*\bvalu\w*)"),
    Shape("003", 16, "several interviewers point at the same area",
          r"^(?=.*\b(several|multiple|many|more than one|two or more|different)\s+"
          r"(interviewers|employers|panels|people)\b)(?=.*\b(same|similar)\b)"),
    Shape("003", 21, "feedback culture: interviewers trained, feedback prompt, feedback valued",
          r"^(?=.*\b(train\w*|interviewers learn)\b)"
          r"(?=.*\b(prompt\w*|timely|quickly|while .{0,30}remember\w*)\b)"
          r"(?=.*\b(importan\w*|valu\w*|serious\w*|real work|counts)\b)", 3),
    Shape("003", 22, "feedback by a personal email or a booked session",
          r"\bpersonal\w*\s+(email|note|letter|message)\w*.{0,60}\b(session|call|meeting)", 1),
    Shape("002", 9, "we owe internal applicants an explanation for a promotion or transfer",
          r"^(?=.*\bowe\w*\b)(?=.*\b(promotion|transfer|internal)\w*)"),
    Shape("002", 9, "candid feedback on promotions and transfers, for their development",
          r"^(?=.*\b(promotion|transfer)\w*)(?=.*\bcandid\b)(?=.*\bdevelop\w*)"),
    Shape("004", 3, "the call: thank them, admit you were not at your best, ask for tips",
          r"\bthank\w*\b.{0,200}(not|n't)\W.{0,25}\bbest\b.{0,250}"
          r"\b(tips?|advice|pointers|things\b.{0,40}\b(stronger|better|improve\w*))", 6),
    Shape("004", 3, "owning a weak interview earns the interviewer's respect",
          r"^(?=.*\b(owning (a|up|your)|admit\w*|acknowledg\w*|(accept|take)\w* "
          r".{0,15}(criticism|feedback)))(?=.*\b(respect\w*|think\w* well of))"),
    Shape("004", 8, "bad-interview mishaps ending in 'simply' not preparing",
          r"^(?=.*\b(blank\w*|froze|freeze|trip\w*|spill\w*|stumbl\w*))"
          r"(?=.*\bsimply\b.{0,20}\b(not|fail\w*|un)\W?.{0,10}prepar)"),
    Shape("004", 8, "everyone has a bad interview some day",
          r"^(?=.*\b(everyone|everybody|we all|all of us)\b)(?=.*\bbad interview)", 1),
]


def plain(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'")
                    .replace("\u201c", '"').replace("\u201d", '"').split())


def runs_of(found: list[Passage], size: int) -> list[tuple[str, str]]:
    """Each run of `size` sentences in a row (fewer at the end), as (where, plain text), kept
    within one file."""
    return [(found[i].where, plain(" ".join(p.text for p in found[i:i + size]
                                            if p.where.split(":")[0]
                                            == found[i].where.split(":")[0])))
            for i in range(len(found))]


def shapes_found(paths: list[Path]) -> list[tuple[str, Shape, str]]:
    """Each page passage that takes a shape: (where, shape, text). Of overlapping runs that take
    the same shape, the report names the last, which starts nearest the shape's words."""
    patterns = [(shape, re.compile(shape.pattern)) for shape in SHAPES]
    found = []
    for path in paths:
        runs = {size: runs_of(page_sentences(path), size)
                for size in {shape.sentences for shape in SHAPES}}
        for shape, pattern in patterns:
            hits = [i for i, (_, text) in enumerate(runs[shape.sentences]) if pattern.search(text)]
            found += [(*runs[shape.sentences][i][:1], shape, runs[shape.sentences][i][1])
                      for i in hits if i + 1 not in hits]
    return found


# ---- Lists a page must not follow in their order ------------------------------------------------
#
# Two of the seeds are lists of steps; a page may give every step (the advice carries over) but
# not in the seed's order, one heading or list item after another. Which page item gives which
# step is a question of meaning, and word overlap answers it badly: on the third edition's text
# the best-scoring seed step was the right one for 6 of the 14 items of the two pages that
# followed these lists. So each step is named by a pattern of its own words and the words a
# rewrite uses for it; test_each_list_step_is_the_seeds_own checks, against the real seeds, that
# each pattern matches its own step and no other step of its list.
#
# A page follows a list when one of its sequences (its headings of one level, each with the
# paragraph under it; the items of one Markdown list; the rows of one table) takes FOLLOWED or
# more of the list's steps in the list's order. Measured on the second edition's 590 sequences:
# the two pages the review named took 4 to 6 of 6 (bad-interview.md's checklist 4 and headings 5,
# handling-feedback.md's headings 5 and checklist 6); every other sequence took at most 3, and
# only two took 3. After the rewrite, no sequence takes more than 3.


@dataclass(frozen=True)
class SeedList:
    seed: str
    line: int  # the first step's line
    what: str
    steps: tuple[str, ...]


SEED_LISTS = [
    SeedList("001", 38, "the rules for handling a response", (
        r"disappoint\w*|\bsorry (it|not|to)\b|(still|remain\w*) (keen|interested)|first choice"
        r"|#1 choice|apply (to them )?again",
        r"ask\w*,? politely|improve (my|your) chances|what would have (put|made|helped)"
        r"|(one|a) narrow question|put (me|you) ahead",
        r"\blisten\w*|\b(take|taking) notes|\bargu\w*|\bdefend\w*|rebuttal",
        r"follow[- ]?up questions?|follow up once|one or two follow",
        r"\bthank\w*|keep (you|me) in mind|think of (you|me)|door open",
        r"take the advice|chang\w* (some of )?your techniques|\bone change\b",
    )),
    SeedList("004", 1, "the steps for recovering from a bad interview", (
        r"honest\w* (look|review)|review (it|the interview) honestly|admit to your mistakes"
        r"|mistakes?\b.{0,30}\b(down|write)|write (each|your) mistake",
        r"networking contact|bury your head|thank[- ]you note anyway"
        r"|(send|write|follow up with) (your |the |a )?(post-interview )?thank[- ]you note",
        r"\bphone\b|\bcall\b|\b(ask for|any|helpful) (\w+ )?tips\b",
        r"keep (you|me) in mind|kept in mind|other (roles|positions|openings)",
        r"qualification|missing evidence|evidence of (the|your) skill",
        r"move on|\bdwell|beat yourself up|stop (going over|reviewing)|next application",
    )),
]
FOLLOWED = 4

HEADING = re.compile(r"^(#{2,6})\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def page_sequences(path: Path) -> list[tuple[str, list[tuple[int, str]]]]:
    """A page's sequences of items, each item as (line, plain text): its headings of each level
    with the first paragraph under them, each Markdown list, each table."""
    lines = path.read_text().splitlines()
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    numbered = list(enumerate(lines, 1))[start:]
    sequences: list[tuple[str, list[tuple[int, str]]]] = []
    for level in range(2, 5):
        items: list[tuple[int, str]] = []
        for i, (number, line) in enumerate(numbered):
            found = HEADING.match(line)
            if found and len(found.group(1)) == level:
                paragraph, rest = [], numbered[i + 1:]
                for _, following in rest:
                    if HEADING.match(following) or (paragraph and not following.strip()):
                        break
                    if following.strip():
                        paragraph.append(following)
                items.append((number, " ".join([line, *paragraph])))
        sequences.append((f"h{level}", items))
    current: list[tuple[int, str]] = []
    table: list[tuple[int, str]] = []
    for number, line in numbered:
        if LIST_ITEM.match(line):
            current.append((number, line))
        elif current and line.startswith("  ") and line.strip():
            current[-1] = (current[-1][0], current[-1][1] + " " + line.strip())
        elif line.strip() or not current:
            sequences.append(("list", current))
            current = []
        if line.lstrip().startswith("|") and not re.match(r"^\s*\|[\s:|-]+\|\s*$", line):
            table.append((number, line))
        elif table:
            sequences.append(("table", table))
            table = []
    sequences += [("list", current), ("table", table)]
    return [(kind, [(n, plain(t)) for n, t in items]) for kind, items in sequences if items]


def longest_in_order(choices: list[set[int]]) -> list[int]:
    """The longest run of steps, one from each of some items in turn, that rises strictly: the
    positions (in `choices`) of the items it uses."""
    best: dict[tuple[int, int], list[int]] = {}  # (item, step) -> the chain ending there
    for i, steps in enumerate(choices):
        for step in steps:
            before = [chain for (j, s), chain in best.items() if j < i and s < step]
            best[(i, step)] = [*max(before, key=len, default=[]), i]
    return max(best.values(), key=len, default=[])


def lists_followed(paths: list[Path]) -> list[tuple[str, SeedList, list[tuple[int, str]]]]:
    return [found for path in paths for found in lists_followed_in(DOCS, path)]


def lists_followed_in(docs: Path, path: Path) -> list[tuple[str, SeedList, list[tuple[int, str]]]]:
    """Each sequence of the page at `path` that takes FOLLOWED or more steps of a seed list in
    the list's order: (the page, the list, the items that take them)."""
    found = []
    for _, items in page_sequences(path):
        for seed_list in SEED_LISTS:
            patterns = [re.compile(step) for step in seed_list.steps]
            choices = [{k for k, p in enumerate(patterns) if p.search(text)} for _, text in items]
            chain = longest_in_order(choices)
            if len(chain) >= FOLLOWED:
                found.append((str(path.relative_to(docs.parent)), seed_list,
                              [items[i] for i in chain]))
    return found


def test_no_passage_keeps_a_source_sentence_with_words_swapped() -> None:
    flagged: dict[str, tuple[float, Passage, Passage]] = {}
    for value, page, seed in scores(sorted(DOCS.rglob("*.md"))):
        if value >= THRESHOLD and seed and page.where not in flagged:
            flagged[page.where] = (value, page, seed)
    report = [f"{page.where} (score {value:.2f})\n    page: {page.text}\n"
              f"    seed {seed.where}: {seed.text}" for value, page, seed in flagged.values()]
    if flagged:
        pytest.fail(f"{len(flagged)} passages keep a source article's sentence with a few words "
                    "swapped. Say the fact your own way: start from what the reader should do, "
                    "not from the seed's sentence.\n" + "\n".join(report), pytrace=False)


def test_the_score_tells_a_close_paraphrase_from_a_rewrite() -> None:
    """The threshold's reasoning, kept honest on an invented seed (no seed text is published in
    this repository): a sentence with the seed's words swapped scores above the threshold, and a
    rewrite from the fact scores below the highest honest passage."""
    seed = ("Never argue with the interviewer about their verdict. You came to learn from the "
            "panel, not to win a debate with them.")
    paraphrase = ("Do not argue with the interviewer about the verdict. You are there to learn "
                  "from the panel, not to win an argument.")
    rewrite = ("Write each point down as you hear it. Decide tomorrow, on your own, whether it "
               "was fair.")
    pages = {Path(name): sentences([text], 1, f"{name}:{{line}}")
             for name, text in (("paraphrase", paraphrase), ("rewrite", rewrite))}
    handbook = {path: page_sentences(path) for path in sorted(DOCS.rglob("*.md"))}
    scorer = Scorer({**handbook, **pages}, sentences([seed], 1, "seed:{line}"))
    best = {path.name: max(scorer.closest(p)[0] for p in with_pairs(found))
            for path, found in pages.items()}
    assert best["paraphrase"] >= THRESHOLD > HONEST_MAX >= best["rewrite"], best


def test_no_passage_takes_a_shape_a_reader_found() -> None:
    seed_texts()  # these shapes belong to the seeds: skip or fail as the other checks do
    found = shapes_found(sorted(DOCS.rglob("*.md")))
    report = [f"{where}: {shape.what} (seed {shape.seed}, line {shape.line})\n    page: {text}"
              for where, shape, text in found]
    if found:
        pytest.fail(f"{len(found)} passages keep the shape of a source article's passage, with "
                    "its words swapped. Start again from what the reader must do or decide, "
                    "and say the fact in a form of your own.\n" + "\n".join(report),
                    pytrace=False)


def seed_file(number: str) -> tuple[str, str]:
    return next((name, text) for name, text in seed_texts().items() if name.startswith(number))


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: f"{shape.seed}:{shape.line}")
def test_each_shape_is_the_seeds_own(shape: Shape) -> None:
    """A shape describes its seed passage: the passage starting within three lines of the one
    named matches it, so no shape is a ban on words the seeds never used."""
    name, text = seed_file(shape.seed)
    found = sentences(text.splitlines(), 1, f"{name}:{{line}}")
    near = [(where, passage) for where, passage in runs_of(found, shape.sentences)
            if abs(int(where.rsplit(":", 1)[1]) - shape.line) <= 3]
    assert any(re.search(shape.pattern, passage) for _, passage in near), (shape.what, near)


def test_no_page_follows_a_source_list_in_its_order() -> None:
    seed_texts()
    found = lists_followed(sorted(DOCS.rglob("*.md")))
    report = [f"{where}: {len(chain)} of the {len(seed_list.steps)} steps of {seed_list.what} "
              f"(seed {seed_list.seed}), in its order:\n"
              + "\n".join(f"    line {line}: {text[:90]}" for line, text in chain)
              for where, seed_list, chain in found]
    if found:
        pytest.fail(f"{len(found)} sequences of headings or items follow a source article's list "
                    "in its order. Keep the advice, and order it by what the reader must do or "
                    "decide first.\n" + "\n".join(report), pytrace=False)


@pytest.mark.parametrize("seed_list", SEED_LISTS, ids=lambda seed_list: seed_list.seed)
def test_each_list_step_is_the_seeds_own(seed_list: SeedList) -> None:
    """Each step's pattern matches its own step of the seed's list and no other step of it."""
    _, text = seed_file(seed_list.seed)
    steps, started = [], False
    for unit in units(text.splitlines(), 1):
        first_line, first = unit[0]
        started = started or first_line == seed_list.line
        if started and first.lstrip().startswith("- "):
            steps.append(plain(" ".join(line for _, line in unit)))
        elif started:
            break
    assert len(steps) == len(seed_list.steps), steps
    matches = [[bool(re.search(pattern, step)) for step in steps] for pattern in seed_list.steps]
    assert matches == [[k == i for k in range(len(steps))] for i in range(len(steps))], matches


def test_a_page_in_its_own_order_passes_and_the_seeds_order_fails(tmp_path: Path) -> None:
    """The order check on two small pages with the same advice: headings in the order of the
    seed's rules are flagged, the same headings ordered by the reader's task are not."""
    sections = {
        "open": "## Say you are sorry it did not work out\n\nYou would still apply again.",
        "ask": "## Ask one narrow question\n\nWhat would have put you ahead?",
        "listen": "## Listen and take notes\n\nWrite their words down.",
        "follow": "## Follow up once\n\nAsk one or two follow-up questions.",
        "thank": "## Say thank you\n\nThey gave up their time.",
    }
    seeds_order = ["open", "ask", "listen", "follow", "thank"]
    own_order = ["listen", "thank", "ask", "open", "follow"]
    found = {}
    for name, order in (("seeds", seeds_order), ("own", own_order)):
        page = tmp_path / "docs" / f"{name}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text("---\ndescription: x\n---\n\n# T\n\n"
                        + "\n\n".join(sections[key] for key in order) + "\n")
        found[name] = [len(chain) for _, _, chain in lists_followed_in(tmp_path / "docs", page)]
    assert max(found["seeds"]) >= FOLLOWED > max(found["own"], default=0), found
