"""English-only analyses leave out documents known to be in another language, and say which."""

from __future__ import annotations

import pandas as pd
import pytest

from xivn.corpus import load_corpus
from xivn.deals import deal_mentions
from xivn.framing import frame_evidence, frame_profile
from xivn.overview import languages_and_copies
from xivn.rare_earths import rare_earth_claims
from xivn.trade import trade_figures

ENGLISH = (
    "Xi and Vietnam sign 36 cooperation deals\n\n"
    "HANOI, Dec 13 - Chinese President Xi Jinping and Vietnamese leader Nguyen Phu Trong signed 36 "
    "cooperation agreements on Wednesday, including a deal on a cross-border railway.\n\n"
    "Two-way trade between China and Vietnam reached $175.6 billion last year, Vietnamese customs data show.\n\n"
    "China holds the world's largest rare earth reserves, and Vietnam the second largest.\n\n"
    "The two sides agreed to build a community with a shared future of strategic significance.\n"
)
VIETNAMESE = (
    "Việt Nam và Trung Quốc ký 36 văn kiện hợp tác\n\n"
    "Hà Nội, ngày 13 tháng 12 - Tổng Bí thư Nguyễn Phú Trọng và Chủ tịch Tập Cận Bình đã chứng kiến lễ "
    "ký kết 36 văn kiện hợp tác, trong đó có thỏa thuận về tuyến đường sắt xuyên biên giới.\n\n"
    "Kim ngạch thương mại song phương năm ngoái đạt 175,6 tỷ USD, theo số liệu của Tổng cục Hải quan.\n\n"
    "Hai bên nhất trí xây dựng Cộng đồng chia sẻ tương lai có ý nghĩa chiến lược.\n"
)
CHINESE = (
    "中越签署36份合作文件\n\n"
    "河内12月13日电 中国国家主席习近平与越南领导人阮富仲共同见证签署36份合作文件，其中包括跨境铁路合作协议。\n\n"
    "据越南海关统计，去年中越双边贸易额达1756亿美元，中国是越南最大的贸易伙伴。\n\n"
    "双方同意构建具有战略意义的中越命运共同体，深化全面战略合作伙伴关系。\n"
)


@pytest.fixture
def corpus(make_corpus):
    return load_corpus(make_corpus({"en.txt": ENGLISH, "vi.txt": VIETNAMESE, "zh.txt": CHINESE}))


def test_unread_documents_lists_the_documents_not_in_english_with_their_detected_language(corpus):
    expected = pd.DataFrame({"doc_id": ["vi", "zh"], "language": ["vi", "zh"], "language_source": ["text", "text"]})
    pd.testing.assert_frame_equal(corpus.unread_documents, expected)


def test_article_text_is_only_the_english_document_while_the_text_tables_keep_all(corpus):
    assert set(corpus.article_sentences()["doc_id"]) == {"en"}
    assert set(corpus.article_paragraphs()["doc_id"]) == {"en"}
    assert set(corpus.sentences["doc_id"]) == {"en", "vi", "zh"}
    assert set(corpus.paragraphs["doc_id"]) == {"en", "vi", "zh"}


def test_a_stated_language_decides_over_the_detected_one(make_corpus):
    metadata = "file,language\nvi.txt,en\nen.txt,vi-VN\n"
    folder = make_corpus({"en.txt": ENGLISH, "vi.txt": VIETNAMESE, "metadata.csv": metadata})
    unread = load_corpus(folder).unread_documents
    assert unread.to_dict("records") == [{"doc_id": "en", "language": "vi-VN", "language_source": "metadata.csv"}]


def test_a_corpus_all_in_english_skips_nothing_and_detects_nothing_when_the_input_states_it(make_corpus):
    corpus = load_corpus(make_corpus({"en.txt": ENGLISH, "metadata.csv": "file,language\nen.txt,en\n"}))
    assert corpus.unread_documents.empty
    assert corpus._detected == {}  # the stated language needs no detection
    assert len(corpus.article_sentences()) == len(corpus.sentences)


@pytest.mark.parametrize(
    "analysis",
    [trade_figures, deal_mentions, rare_earth_claims, frame_evidence],
    ids=["trade", "deals", "claims", "frames"],
)
def test_english_only_analyses_read_only_the_english_document(corpus, analysis):
    rows = analysis(corpus)
    assert not rows.empty
    assert set(rows["doc_id"]) == {"en"}


def test_the_frame_profile_keeps_a_row_per_document_but_counts_no_sentence_of_the_others(corpus):
    counted = frame_profile(corpus, draws=10).groupby("doc_id")["n_article_sentences"].max()
    assert counted["vi"] == counted["zh"] == 0
    assert counted["en"] == 5


def test_the_overview_sentence_counts_the_documents_no_analysis_reads(corpus):
    text = languages_and_copies(corpus.documents, corpus.syndication).data
    assert text.endswith(" 2 of 3 documents are not in English (vi 1, zh 1) and no analysis reads them.")
