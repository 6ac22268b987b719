"""Paragraph splitting and the article/chrome classification."""

from __future__ import annotations

import pytest
from conftest import AF, INQUIRER, MESSY_PAGE, PAMIR, PREVIEW, REPO, REWRITE
from hypothesis import given
from hypothesis import strategies as st

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.corpus.structure import classify, is_title_like, kind_vocabulary, lead_length, split_paragraphs, word_count


def kind_of(corpus: xivn.Corpus, doc_id: str, opening: str) -> str:
    """The kind of the one paragraph of ``doc_id`` that starts with ``opening``."""
    paragraphs = corpus.paragraphs
    hits = paragraphs[(paragraphs["doc_id"] == doc_id) & paragraphs["text"].str.startswith(opening)]
    assert len(hits) == 1, f"{opening!r} matches {len(hits)} paragraphs of {doc_id}"
    return hits["kind"].iloc[0]


@pytest.mark.parametrize(
    ("doc_id", "opening", "kind"),
    [
        (AF, "Type to search", "navigation"),
        (AF, "Chinese President Xi Jinping attends a wreath-laying", "caption"),
        (AF, "ALSO SEE:", "related"),  # followed by a no-break space in the capture
        (AF, "• Reuters with additional editing by Jim Pollard", "byline"),
        (AF, "Chinese Energy Storage, Battery Firms Plan $1bn", "related"),  # holds an amount
        (AF, "Rare Earth Magnet Firms Plan Vietnam Plants", "related"),  # holds a rare-earth cue
        (AF, "Jim Pollard is an Australian journalist", "author_bio"),
        (AF, "AF China Bond", "related"),
        (INQUIRER, "China's Xi visits Vietnam after Biden, seeks stronger ties | Inquirer News", "page_title"),
        (INQUIRER, "/ 01:37 PM December 12, 2023", "byline"),
        (INQUIRER, "China’s President Xi Jinping attends the Leaders Retreat", "caption"),
        (INQUIRER, "Your subscription could not be saved", "notice"),
        (INQUIRER, "Subscribe to our daily newsletter", "notice"),
        (INQUIRER, "By providing an email address", "notice"),
        (INQUIRER, "TAGS: China, USA, Vietnam, Xi Jinping", "tags"),
        (INQUIRER, "© Copyright 1997-2024", "notice"),
        (INQUIRER, "We use cookies", "notice"),
        (PAMIR, "Blog", "navigation"),
        (PAMIR, "China’s 5G influence in developing economies", "related"),  # closing teaser
    ],
)
def test_seed_chrome_is_flagged(seeds, doc_id, opening, kind):
    assert kind_of(seeds, doc_id, opening) == kind


@pytest.mark.parametrize(
    ("doc_id", "opening", "kind"),
    [
        (AF, "China, Vietnam Sign Rail and Data Deals", "headline"),
        (AF, "Bilateral pacts cover possible investments", "standfirst"),
        (AF, "China could help build 5G network, data centres", "heading"),
        (AF, "No deal was unveiled on rare earths", "body"),
        (AF, "Vietnam has strict rules on the export of rare earth ores", "body"),
        (PREVIEW, "China and Vietnam are poised", "body"),
        (INQUIRER, "China’s Xi visits Vietnam after Biden, seeks stronger ties", "headline"),
        (INQUIRER, "HANOI — China’s President Xi Jinping starts", "body"),
        (INQUIRER, "‘Dozens’ of deals", "heading"),
        (INQUIRER, "Xi urged wider co-operation in security", "body"),  # between notices and tags
        (REWRITE, "FAQ", "heading"),
        (REWRITE, "1. What does the “shared future” community entail?", "faq_question"),
        (REWRITE, "No deal was announced on rare earths during the recent visit.", "faq_answer"),
        (PAMIR, "China and Vietnam strengthen diplomatic ties", "headline"),
        (PAMIR, "President Xi Jinping visits Hanoi to discuss", "standfirst"),
        (PAMIR, "China represents Vietnam’s largest trading partner", "heading"),
        (PAMIR, "- Perform joint patrols in the Gulf of Tonkin.", "list_item"),
        (PAMIR, "However, China has long been Vietnam’s largest global trading partner.", "body"),
        (PAMIR, "However, for US companies operating in Vietnam", "body"),
    ],
)
def test_seed_article_text_is_not_chrome(seeds, doc_id, opening, kind):
    assert kind_of(seeds, doc_id, opening) == kind


def test_chrome_is_flagged_not_deleted(seeds):
    chrome = seeds.paragraphs[seeds.paragraphs["is_chrome"]]
    assert set(chrome["kind"]) <= set(xivn.corpus.paragraph_kinds().query("is_chrome")["kind"])
    assert len(chrome) == 29
    assert "Type to search" in seeds.text(AF)


def test_one_paragraph_per_line_without_blank_lines(seeds):
    pamir = seeds.paragraphs[seeds.paragraphs["doc_id"] == PAMIR]
    raw_lines = [line for line in seeds.text(PAMIR).splitlines() if line.strip()]
    assert len(pamir) == len(raw_lines) == 37


def kinds_of(raw: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in classify(split_paragraphs(raw))]


def test_messy_page_fixture():
    kinds = dict((text, kind) for kind, text in kinds_of(MESSY_PAGE))
    assert kinds["Skip to content"] == "navigation"
    assert kinds["Vietnam and China Agree Rail Study"] == "headline"
    assert kinds["Hanoi and Beijing signed papers on rail links, but details were scarce"] == "standfirst"
    assert kinds["A train crosses the Red River in Lao Cai, December 1, 2023 (Reuters/Staff)."] == "caption"
    assert kinds["The U.S. Embassy declined to comment on Sept. 10 plans."] == "body"
    assert kinds["Reporting by Jane Doe; Editing by John Roe"] == "byline"
    assert kinds["China Eyes Vietnam Ports"] == "related"
    assert kinds["Rare Earth Prices Fall"] == "related"
    assert kinds["We use cookies to improve your experience. Accept all cookies."] == "notice"
    # a wire lead with a dateline is body text, never the standfirst
    assert (
        kinds["HANOI (Reuters) - Vietnam and China agreed on Wednesday to study a rail link, officials said."] == "body"
    )


def test_hard_wrapped_prose_is_joined_back_into_one_paragraph():
    wrapped = (
        "Vietnam and China signed a series of agreements on Wednesday covering rail\n"
        "links, security and digital data, during a visit that officials in Hanoi\n"
        "described as historic.\n"
        "\n"
        "Short next paragraph.\n"
    )
    paragraphs = split_paragraphs(wrapped)
    assert len(paragraphs) == 2
    assert paragraphs[0].text.endswith("described as historic.")
    assert "\n" in paragraphs[0].text


def test_crlf_line_ends_stay_out_of_paragraph_text():
    paragraphs = split_paragraphs("Title Line\r\n\r\nFirst sentence here.\r\nSecond line here.\r\n")
    assert [p.text for p in paragraphs] == ["Title Line", "First sentence here.", "Second line here."]


def test_markdown_structure():
    markdown = (
        "# Rail deals\n\nIntro text about the deals.\n\n## Signed\n\n"
        "* MOU on railways\n* MOU on ports\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    kinds = [kind for kind, _ in kinds_of(markdown)]
    assert kinds == ["headline", "body", "heading", "list_item", "list_item", "table_row", "table_row", "table_row"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China could help build 5G network, data centres", True),
        ("‘Dozens’ of deals", True),  # opens with a quotation mark
        ('"We are friends with everyone," he said. "That is our strength."', False),  # quote closes it
        ("He called it “a new chapter.”", False),
        ("What Did Xi's Hanoi Visit Actually Achieve?", True),  # a question in title case
        ("Did Beijing get what it wanted?", False),  # a question in the text
        ("**Markets Wire**", True),  # Markdown bold
        ("No deal was unveiled on rare earths.", False),  # ends a sentence
        ("the lower-case start of a wrapped line", False),
        (
            "Bilateral pacts cover possible investments in rail links, security, plus telecoms and digital data, "
            "but analysts said any boost in ties could be more symbolic than real",
            False,
        ),  # too long
    ],
)
def test_is_title_like(text, expected):
    assert is_title_like(text) is expected


CAPTURES = REPO / "tests" / "fixtures" / "captures"


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (
            "site_with_menu.txt",  # site name and section menu above the headline, share buttons below
            {
                "South China Morning Post": "navigation",
                "Diplomacy": "navigation",
                "Xi Jinping and Vietnam’s leaders agree to build ‘shared future’": "headline",
                "Beijing and Hanoi sign 36 cooperation documents as Chinese leader wraps up state visit": "standfirst",
                "Reading Time:3 minutes": "navigation",
                "Published: 7:30pm, 13 Dec 2023": "byline",
                "Analysts said the deals were modest.": "body",
                "More from South China Morning Post:": "related",
                "- US watches Xi’s Hanoi trip closely": "related",
                "Twitter": "navigation",
            },
        ),
        (
            "markdown_article.md",  # Markdown: image, italic byline and caption, numbered list, table
            {
                "# Vietnam, China sign 36 cooperation documents": "headline",
                "*By Viet Tuan - December 12, 2023 | 08:05 pm GMT+7*": "byline",
                "![Xi and Trong](photo.jpg)": "caption",
                "1. An MOU on joint patrols in the Gulf of Tonkin.": "list_item",
                "| China | 57.7 | 117.9 |": "table_row",
                "- [Trong meets Xi](link)": "related",
                "Tags: China, Xi Jinping": "tags",
            },
        ),
    ],
)
def test_other_site_captures(file, expected):
    kinds = {text: kind for kind, text in kinds_of((CAPTURES / file).read_text(encoding="utf-8"))}
    assert {text: kinds[text] for text in expected} == expected


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_word_count_counts_whitespace_tokens_with_a_letter_or_digit(text):
    # the definition, spelled out slowly; word_count uses a faster regular expression
    assert word_count(text) == sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("U.S. - China", 2),  # a lone dash is no word
        ("__ 12 ___a", 2),  # underscores are not letters, but a token holding one letter is a word
        ("Hà Nội\u00a02023", 3),  # a no-break space separates words, as str.split does
        ("", 0),
    ],
)
def test_word_count_edge_cases(text, count):
    assert word_count(text) == count


def kind_in_page(line: str) -> str:
    """The kind of ``line`` placed between a headline and article text, as on a captured page."""
    page = f"Vietnam and China Sign Rail Deals\n\n{line}\n\nThe two sides signed 36 documents on Tuesday.\n"
    kinds = {text: kind for kind, text in kinds_of(page)}
    return kinds[line]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Xinhua) 13:02, December 12, 2023", "byline"),  # agency stamp and time under a headline
        ("Xinhua) 15:44, December 07, 2023", "byline"),  # the capture lost the opening bracket
        ("(Web editor: Zhang Wenjie, Wu Chaolan)", "byline"),
        ("Updated 12:30 GMT+7", "byline"),
        ("December 10, 2023 - 19:29", "byline"),
        ("Tuesday, 12/12/2023, 19:30 (GMT+7)", "byline"),
        ("Published Tue, Dec 12, 2023 · 05:45 PM", "byline"),
        ("By Staff reporters   November 12, 2017 | 11:29 am GMT+7", "byline"),
        ("By Francesco Guarascio and Phuong Nguyen", "byline"),
        ("By The Irrawaddy 13 December 2023", "byline"),
        ("2023-12-11 15:20:01 ecns.cn", "byline"),
        ("KATSUJI NAKAZAWA, Nikkei senior staff writer | China", "byline"),
        ("Source: Xinhua| 2023-12-13 20:15:42|Editor: huaxia", "byline"),
        ("HANOI, Dec 13 (Reuters) -", "byline"),  # a dateline alone on its line
        ("Register to read three free articles", "notice"),
        ("Subscribe to continue reading", "notice"),
        ("You have reached your limit of free articles.", "notice"),
        ("Already a subscriber? Log in", "notice"),
        ("Photo: VNA", "caption"),
        ("(Photo by NHAC NGUYEN / POOL / AFP)", "caption"),
        ("Image source, Getty Images", "caption"),
        ("Xi is greeted at Noi Bai airport in Hanoi. Photograph: Luong Thai Linh/EPA", "caption"),
        ("Children wave flags in Hanoi, Dec. 12, 2023. (Nhac Nguyen/Pool/AFP)", "caption"),
        ("AFP_34ZT7QK.jpg", "caption"),
        ("Font size A A A", "navigation"),
        ("Share Print", "navigation"),
        ("ADVERTISEMENT", "navigation"),
        ("Story continues", "navigation"),
        ("Xi was greeted at the airport. (Reuters: Thinh Nguyen)", "caption"),
        ("PTI | Beijing", "byline"),
        ("Jakarta ● Thu, December 14, 2023", "byline"),
        ("Log in | Subscribe", "notice"),
        ("[Photo/Xinhua]", "caption"),
        ("MOSCOW, December 13 (Sputnik)", "byline"),  # a dateline alone, without its dash
        ("CGTN", "byline"),
        ("-- BERNAMA-VNA", "byline"),  # a joint agency sign-off
        ("Summary", "navigation"),  # the label of a box
        ("Reading time 6 min", "navigation"),
        ("Commentary", "navigation"),
        ("Vietnam, China pledge to build community with shared future ...more", "related"),
        ("→ China and Vietnam race to build railways as trade grows", "related"),
        ("#South China Sea", "tags"),
        ("By Zhang Yi (People's Daily) 08:37, December 13, 2023", "byline"),
        ("Agence France-Presse / 05:22 PM December 13, 2023", "byline"),
        ("Nguồn: VNA", "byline"),
        ("Source: AFP/ec", "byline"),  # a source line, not a photo credit
        ("[Comment] [Print] [Close]", "navigation"),
        ("1 2 Next", "navigation"),
        ("The views expressed are the author's own and do not reflect our position.", "notice"),
        ("This article appeared in the print edition of December 14, 2023.", "notice"),
        ("For more news about the nation, visit our page.", "notice"),
        ("Get WhatsApp alerts from CNA", "notice"),
        ("READ: PH summons Chinese envoy over water cannon attack", "related"),
        ("See more: Chinese President's state visit in photos", "related"),
        ("More in Asia", "related"),
        ("Key facts", "navigation"),
        ("Listen 03:45", "navigation"),
        ("English | Tiếng Việt | 中文", "navigation"),  # a language switcher
        ("Contact the writer at mojingxi@chinadaily.com.cn", "notice"),
        ("Forward to a friend", "notice"),
        ("This section is brought to you by our partners.", "notice"),
        ("*December 13, 2023*", "byline"),  # Markdown italics
        ("You are here: Home > News > World", "navigation"),
        ("Thời sự › Chính trị", "navigation"),  # a breadcrumb in Vietnamese
        ("Share to: WeChat Weibo", "navigation"),
        ("Chia sẻ", "navigation"),
        ("Tin liên quan", "related"),
        ("Enlarge this image", "navigation"),
        ("toggle caption", "navigation"),
        ("Nhac Nguyen/AFP via Getty Images", "caption"),
        ("December 12, 2023 5:04 AM ET", "byline"),
        ("Try unlimited access", "notice"),
        ("Only $1 for 4 weeks", "notice"),
        ("Media contact: Public Outreach Division, media@example.org", "notice"),
        ("More Stories From NPR", "related"),
        ("Copy", "navigation"),
        ("- Back", "navigation"),
        ("Be the first to comment", "notice"),
        ("Listen to this story. Enjoy more audio and podcasts on iOS or Android.", "navigation"),
        ("Dec 12th 2023", "byline"),
        # where the text comes from, rights and reprint lines written as sentences
        ("This article first appeared on VnExpress International.", "byline"),
        ("The source of this news is from The Saigon Times.", "byline"),
        ("Some information in this report comes from Reuters.", "byline"),
        ("Associated Press writer Aniruddha Ghosal in Hanoi contributed to this report.", "byline"),
        ("— With assistance from Nguyen Xuan Quynh", "byline"),
        ("(Updates with comments from the foreign ministry in third paragraph.)", "byline"),
        ("Story by Linh Tran • 2h", "byline"),
        ("By The Associated Press", "byline"),
        ("By admin", "byline"),
        ("By Kim Ji-won [email protected]", "byline"),
        ("jiwon@yna.example", "byline"),
        ("/gsg", "byline"),  # editor initials after a slash
        ("xinhuanet.com", "byline"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "notice"),
        ("Reproduction without permission is prohibited.", "notice"),
        ("As an Amazon Associate I earn from qualifying purchases.", "notice"),
        ("Have a confidential tip for our reporters? Get in touch.", "notice"),
        ("Start your free trial", "notice"),
        ("Follow Hanoi Daily News on Google News.", "notice"),
        ("Join our Telegram channel for breaking news.", "notice"),
        ("By subscribing, you can help us get the story right.", "notice"),
        ("Get our pick of top stories and thought-provoking articles in your inbox", "notice"),
        ("Getty Images", "caption"),
        ("Photo/Agencies", "caption"),
        ("Luong Thai Linh/Pool via REUTERS", "caption"),
        ("Click to view in full screen", "navigation"),
        ("Click here to read this story in Vietnamese.", "navigation"),
        ("Read this article in: English | Tiếng Việt", "navigation"),
        ("Share via Email", "navigation"),
        ("Advertisement - Scroll to continue", "navigation"),
        ("Your browser does not support the video tag.", "navigation"),
        ("Save my name, email, and website in this browser for the next time I comment.", "navigation"),
        ("Report an error", "navigation"),
        ("spot_imgspot_img", "navigation"),  # a template's placeholder
        ("___", "navigation"),
        ("(END)", "navigation"),
        ("Δ", "navigation"),
        ("Your daily window on Vietnam's economy", "navigation"),  # a site's description of itself
        ("Tags Vietnam China South China Sea", "tags"),
        ("Related Topics", "related"),
        ("Most Read from Markets Daily", "related"),
        ("Reference(s):", "related"),
        ("— Hanoi Watcher (@hanoiwatch) December 13, 2023", "byline"),  # an embedded post's signature
        ("Market data provided by a third party; delayed at least 15 minutes.", "notice"),
        ("Xem bản tiếng Việt", "navigation"),
        ("E-News Daily Vietnam's leading English news site", "navigation"),
        ("Associated Press writer Aniruddha Ghosal in Hanoi contributed.", "byline"),
        ("Follow AP's coverage of the Asia-Pacific at https://apnews.com/hub/asia-pacific", "notice"),
        ("This is a developing story. Check back for updates.", "notice"),
        ("Confidential tip? Send a tip to our reporters.", "notice"),
        ("Don't miss out on the latest news and information.", "notice"),
        ("Print edition: December 13, 2023", "byline"),
        ("Page A8", "byline"),
        ("VGP/Nhat Bac", "caption"),
        ("Photo taken on Dec. 12, 2023 shows a welcome ceremony in Hanoi.", "caption"),
        ("Download PDF", "navigation"),
        ("Share this story, choose your platform!", "navigation"),
        ("Page 1 of 2", "navigation"),
        ("Most commented", "related"),
        ("Editor-in-chief: Le Quoc Minh", "byline"),  # a paper's imprint
        ("Licence No. 548/GP-BTTTT issued by the Ministry of Information and Communications.", "notice"),
        ("Address: 71 Hang Trong Street, Hoan Kiem District, Hanoi", "notice"),
        ("Tel: (+84) 24 3825 4231", "notice"),
        ("Reproduction is permitted only with a citation of the source.", "notice"),
        ("Agency of the Communist Party of Vietnam", "navigation"),
        ("Bản quyền thuộc về Báo Nhân Dân", "notice"),
        ("Tổng biên tập: Lê Quốc Minh", "byline"),
        ("Thứ Ba, 12/12/2023 - 19:30", "byline"),
        ("Trang chủ", "navigation"),
        ("Đọc nhiều", "related"),
        ("Hanoi 28°C", "navigation"),  # a ticker
        ("USD/VND 24,250", "navigation"),
        ("Gold 74.5", "navigation"),
    ],
)
def test_furniture_of_real_captures_is_chrome(line, kind):
    assert kind_in_page(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Wednesday, the two sides had signed 36 cooperation documents, officials said.",  # not a byline
        "By the end of Dec 12, officials had signed 36 documents.",  # a date, but a sentence runs on
        "Vietnam subscribes to the one-China policy, its foreign ministry said.",
        "Companies can sign up for the new border e-commerce scheme from January.",
        "Vietnam has said it hopes to become a member of the OECD's investment committee.",
        "Chinese exporters must set up an account with a Vietnamese bank to use the new payment link.",
        "Updated 2023 figures show trade fell in the first half before recovering.",
        "Sources close to the talks said the rail terms were still being discussed.",
        "Photos released by state media showed the two leaders drinking tea.",
        "2023",  # a year heading inside the article
        "Updated on the visit's progress, markets rose 1%.",
        "On December 12, 2023, Xi landed in Hanoi at 2:30 pm local time.",
        '"Comrade and brother."',  # a one-line quote
        "## Summary",  # a section of a Markdown report, not a box label
        "Xu Liping is a research fellow at the Chinese Academy of Social Sciences.",  # article text follows
        "More than 30 documents were signed, officials said.",
        "Readers of the joint statement found the phrase familiar.",
        "September 10",  # a month and day without a year or time heads a timeline entry
        "In summary, the year showed Vietnam's reach.",
        "The plan was originally drawn up in 2019, when Chinese engineers surveyed the route.",
        "The figure first appeared in a report by the transport ministry, which did not say how it would be paid.",
        "The source of most of the funding is expected to be Chinese loans.",
        "Customs officers will start a free trial of a new digital lane at the Huu Nghi gate in January.",
        "Follow-up talks are due in the spring, officials said.",
        "Some of the information in the ministry's report comes from Chinese partners, it said.",
        "Previous visits by Chinese leaders, in 2015 and 2017, produced fewer agreements.",
        "The joint statement was posted on the government's website in Vietnamese, Chinese and English.",
        "Open questions remain on how the rail link will be paid for.",
        "This is a developing relationship, one diplomat said, not an alliance.",
        "Correction: An earlier version of this story misstated the day of Xi's arrival.",  # states a fact
        "Page after page of the statement dealt with trade and transport.",
        "Editor-in-chief Le Quoc Minh wrote in a front-page article that the visit opened a new chapter.",
        "The licence for the rail survey was issued by the transport ministry on December 5.",
        "Tel Aviv was not on the agenda, but the Middle East came up in the talks.",
        "Hotline talks between the two navies will start next year.",
    ],
)
def test_article_lines_worded_like_furniture_stay_article_text(line):
    assert not kind_vocabulary().chrome[kind_in_page(line)]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("HANOI, Dec 12 (Reuters) - Vietnam and China agreed.", "HANOI, Dec 12 (Reuters) - "),
        ("BEIJING, Dec. 12 (Xinhua) -- Xi said so.", "BEIJING, Dec. 12 (Xinhua) -- "),
        ("Hanoi (VNA) – Vietnam and China signed 36 documents.", "Hanoi (VNA) – "),
        ("HANOI, Vietnam, Dec. 12, 2023 — Xi arrived.", "HANOI, Vietnam, Dec. 12, 2023 — "),
        ("BANGKOK (AP) — Xi will visit Vietnam.", "BANGKOK (AP) — "),
        ("HANOI — Xi starts a visit.", ""),  # a place alone states no date or source: left in
        ("Vietnam (and China) – both agreed.", ""),  # no capitalised agency stamp after a place
    ],
)
def test_datelines_with_a_date_or_agency_stamp(text, dateline):
    assert text[: lead_length(text, "body")] == dateline
    assert lead_length(text, "heading") == 0  # only body paragraphs open with a dateline


def test_a_dateline_stays_in_its_paragraph_but_out_of_its_sentences(make_corpus):
    text = "Xi Visits Hanoi\n\nHANOI, Dec 12 (Reuters) - Vietnam and China agreed on rail. Talks went on.\n"
    corpus = xivn.load_corpus(make_corpus({"doc.txt": text}))
    body = corpus.paragraphs[corpus.paragraphs["kind"] == "body"]
    assert body["text"].tolist() == ["HANOI, Dec 12 (Reuters) - Vietnam and China agreed on rail. Talks went on."]
    assert corpus.sentences["text"].tolist() == [
        "Xi Visits Hanoi",
        "Vietnam and China agreed on rail.",
        "Talks went on.",
    ]
    assert offset_mismatches(corpus.sentences, corpus).empty


@pytest.mark.parametrize(
    ("ending", "kind"),
    [
        ("Analysts said firms were moving production to avoid tariffs and to be closer to", "body"),
        ("Japanese and South Korean firms have also", "body"),
        # cut off, then only furniture: still the article's last words
        ("Construction is due to start next year, said Deputy Minister\n\nSubscribe to continue reading", "body"),
        ("Rare Earth Prices Fall", "related"),  # a title-case headline after the article is a link
    ],
)
def test_a_capture_cut_mid_sentence_keeps_its_last_line(ending, kind):
    page = f"Vietnam Courts Chinese Capital\n\nChinese investors registered $3.7 billion in new projects.\n\n{ending}\n"
    assert kinds_of(page)[2] == (kind, ending.split("\n")[0])


def test_a_line_cut_off_after_an_ad_slot_is_still_the_article():
    page = (
        "Xi Visits Hanoi\n\nThe two countries signed rail agreements.\n\nAdvertisement\n\n"
        "Beijing has also pushed Hanoi to join its Global Security Initiative, diplomats said, a move that\n"
    )
    assert kinds_of(page)[-1][0] == "body"


def test_short_lines_after_a_colon_are_the_article_list_not_links():
    items = ["A plan on building the Lao Cai railway", "A memorandum on the digital economy", "A durian protocol"]
    page = "Xi Visits Hanoi\n\nThe documents include:\n\n" + "\n\n".join(items) + "\n\nAnalysts were unmoved.\n"
    assert [kind for kind, _ in kinds_of(page)][2:5] == ["heading"] * 3


def test_a_headline_over_one_widget_line_is_not_a_site_name_over_a_menu():
    page = "Asia\n\nXi's Vietnam visit: Beijing and Hanoi vow to manage disputes\n\nBookmark\n\nThe talks ended.\n"
    assert [kind for kind, _ in kinds_of(page)][:3] == ["navigation", "headline", "navigation"]


def test_short_labels_above_a_question_headline_are_navigation():
    page = "The Pulse\n\nDiplomacy | Southeast Asia\n\nWhat Did Xi's Hanoi Visit Actually Achieve?\n\nLittle.\n"
    assert [kind for kind, _ in kinds_of(page)][:3] == ["navigation", "navigation", "headline"]


def test_two_headlines_between_paragraphs_are_links_and_a_subhead_under_them_is_not():
    page = (
        "Xi Visits Hanoi\n\nThe two countries issued a joint statement.\n\n"
        "Xi meets Vietnamese prime minister\n\nXi, Trong attend tea party in Hanoi\n\nConnectivity\n\n"
        "Both sides would speed up railway work.\n"
    )
    assert [kind for kind, _ in kinds_of(page)][2:5] == ["related", "related", "heading"]


def test_a_line_ending_in_a_function_word_is_cut_off_even_above_links():
    ending = "Factories depend on Chinese parts even as they ship finished goods to the"
    page = f"Xi Visits Hanoi\n\nXi arrived on Tuesday.\n\n{ending}\n\nVietnam Rice Exports Hit Record\n"
    assert kinds_of(page)[2:] == [("body", ending), ("related", "Vietnam Rice Exports Hit Record")]


def test_a_subhead_after_a_bulleted_list_of_links_is_article_text():
    page = (
        "Japan Watches Xi in Vietnam\n\nTokyo is following the visit.\n\nRelated coverage:\n\n"
        "- Japan, Vietnam upgrade ties to highest level\n\nTokyo's development aid\n\nJapan is a large donor.\n"
    )
    assert [kind for kind, _ in kinds_of(page)][2:5] == ["related", "related", "heading"]


def test_a_name_with_the_place_of_writing_under_the_headline_is_the_byline():
    page = "Vietnam and China Agree Rail Links\n\nA.Anantha Lakshmi in Hanoi\n\n12 December 2023\n\nThey agreed.\n"
    assert kinds_of(page)[1] == ("byline", "A.Anantha Lakshmi in Hanoi")


def test_a_bare_name_above_a_dateline_is_the_byline():
    page = "Vietnam's Rare Earths Are Not China's Problem Yet\n\nMinh Tran\n\nDec 15, 2023\n\nNo deal was made.\n"
    assert kinds_of(page)[1] == ("byline", "Minh Tran")


def test_a_section_breadcrumb_with_a_pipe_is_navigation_not_a_page_title():
    page = "Diplomacy | Southeast Asia\n\nWhat Xi's Visit to Hanoi Did and Did Not Deliver\n\nThe statement was long.\n"
    assert kinds_of(page)[0] == ("navigation", "Diplomacy | Southeast Asia")


def test_a_headline_above_a_box_label_is_the_headline():
    page = (
        "Vietnam\n\nVietnam Courts Chip Investors As Xi Visits\n\nSynopsis\n\n"
        "Hanoi hopes to win factories\n\nThe plant opens in May.\n"
    )
    assert [kind for kind, _ in kinds_of(page)][:3] == ["navigation", "headline", "navigation"]


def test_a_link_with_its_own_headline_introduces_no_list():
    page = (
        "Vietnam Courts Chip Investors\n\nThe plant opens in May.\n\n"
        "Read more: Vietnam's chip ambitions run into power shortages\n\n"
        '"We are friends with everyone," he said.\n\nPower remains a concern.\n'
    )
    assert [kind for kind, _ in kinds_of(page)][2:4] == ["related", "body"]


@pytest.mark.parametrize(
    ("after", "kind"),
    [
        ("Topics: Vietnam, China", "author_bio"),  # only chrome after it: the author box
        ("The next round of talks is due in March.", "body"),  # the article goes on: a sentence of it
    ],
)
def test_a_biography_closing_the_page_is_the_author_box(after, kind):
    bio = "Huong Le is a research fellow in the Southeast Asia Program."
    page = f"What Xi's Visit Delivered\n\nThe visit confirmed old habits.\n\n{bio}\n\n{after}\n"
    assert dict((text, k) for k, text in kinds_of(page))[bio] == kind


def test_an_uncredited_caption_above_its_credit_line_is_the_caption():
    caption = "Trucks wait at the border gate in Lang Son."
    page = f"Xi Visits Hanoi\n\nXi arrived on Tuesday, officials said.\n\n{caption}\n\nPhoto: VNA\n\nTrade rose.\n"
    assert kinds_of(page)[2:4] == [("caption", caption), ("caption", "Photo: VNA")]


def test_text_telling_what_happened_above_a_credit_stays_text():
    lead = "Chinese President Xi Jinping arrived in Vietnam yesterday for talks."
    page = f"Xi Visits Hanoi\n\n{lead}\n\nPhoto: AFP\n\nVietnam upgraded its ties with the US in September.\n"
    kind, text = kinds_of(page)[1]
    assert text == lead and not kind_vocabulary().chrome[kind]
    counter = "He then visits a memorial in the capital."  # a gallery counter is no credit
    page = f"Xi Visits Hanoi\n\nXi arrived on Tuesday.\n\n{counter}\n\n2/6\n\nLater, Xi met officials.\n"
    assert kinds_of(page)[2] == ("body", counter)


def test_links_under_a_most_read_label_above_the_headline_are_related():
    page = (
        "Most Read from Markets Daily\n\nCopper rallies as China stimulus hopes build\n\n"
        "Yen slides after central bank holds rates\n\nChina Offers Vietnam Rail Aid as Xi Seeks Closer Ties\n\n"
        "China will provide grant aid for a railway study, the two governments said.\n"
    )
    assert [kind for kind, _ in kinds_of(page)][:4] == ["related", "related", "related", "headline"]


def test_a_one_cell_table_row_holding_a_caption_is_the_caption():
    caption = "| Durian is loaded onto a truck in Dak Lak province. Photo by VnExpress/Quynh Tran |"
    page = f"Fruit Exports Set Record\n\nExports rose, the ministry said.\n\n{caption}\n\n| 2022 | 175.6 |\n"
    assert kinds_of(page)[2:] == [("caption", caption), ("table_row", "| 2022 | 175.6 |")]


def test_reporters_biographies_closing_the_page_are_the_author_box():
    bios = [
        "Minh Tran is Reuters' bureau chief in Hanoi, covering politics and trade across Vietnam.",
        "Khanh Vu covers Vietnam's economy for Reuters from Hanoi.",
    ]
    page = "Rail Plans Sped Up\n\nThe statement named three lines, officials said.\n\n" + "\n\n".join(bios) + "\n"
    assert [kind for kind, _ in kinds_of(page)][2:] == ["author_bio", "author_bio"]


def test_two_names_joined_by_a_dash_under_the_headline_are_the_byline():
    page = "Prime Minister Meets Chinese President\n\nThu Hang - Minh Duc\n\nThe two sides agreed to boost trade.\n"
    assert kinds_of(page)[1] == ("byline", "Thu Hang - Minh Duc")
