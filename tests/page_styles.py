"""Made-up news pages in the styles of real outlets (AP, Reuters, Kompas, Detik, Tribun, a WordPress
blog), as HTML and as the scraped plain text a crawler keeps of them, for tests/test_page_styles.py.
Every name, place and event here is invented."""
from __future__ import annotations

from html import escape

# ---------------------------------------------------------------- AP

AP_HEADLINE = "Dam repairs begin after spring floods swamp the Riverton valley"
AP_MENU = "World U.S. Election 2024 Politics Sports Entertainment Business Science Fact Check Oddities"
AP_RELATED = ["Governor asks for federal aid as floodwaters recede in three counties",
              "Farmers count losses after record rainfall in the valley"]
AP_BODY = [
    "RIVERTON, Ore. (AP) — Work crews began repairing the cracked Mill Creek dam on Monday, two weeks after "
    "spring floods forced about 1,200 residents of the Riverton valley from their homes.",
    "The state water agency said the repairs would cost about $14 million and take until the end of August. "
    "“We are not taking any chances with this dam,” agency director Helen Stroud told reporters.",
    "Engineers found three cracks in the spillway after the water rose higher than at any time since 1964, "
    "the agency said in a statement.",
    "Residents of the lower valley were allowed to return home last week, but officials said a second "
    "evacuation could be ordered if heavy rain returns before the work is finished.",
]
AP_AUTHORS = "Jane McDonald, Patrick O'Neill"


def ap_html() -> str:
    menu = "".join(f'<li><a href="/hub/{w.lower()}">{w}</a></li>' for w in
                   ["World", "U.S.", "Election 2024", "Politics", "Sports", "Entertainment", "Business", "Science"])
    related = "".join(f'<li><a href="/article/{i}">{escape(t)}</a></li>' for i, t in enumerate(AP_RELATED))
    body = "".join(f"<p>{escape(p)}</p>" for p in AP_BODY[:2])
    rest = "".join(f"<p>{escape(p)}</p>" for p in AP_BODY[2:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>World | U.S. | Politics | Sports | Entertainment | Business | Science | AP News</title>
<meta property="og:site_name" content="AP News">
<meta property="article:published_time" content="2024-03-11T14:20:00-04:00">
<link rel="canonical" href="https://apnews.com/article/riverton-dam-floods-0a1b2c">
</head><body>
<header><nav class="main-menu"><ul>{menu}</ul></nav></header>
<main><div class="Page-content"><h1 class="Page-headline">{escape(AP_HEADLINE)}</h1>
<div class="Page-byline"><span class="Page-authors">By JANE MCDONALD and PATRICK O’NEILL</span>
<span class="Page-timestamp">Updated 2:20 PM EDT, March 11, 2024</span></div>
<div class="RichTextStoryBody">{body}
<div class="Related"><h2>RELATED COVERAGE</h2><ul>{related}</ul></div>
{rest}</div></div></main>
<footer><a href="/about">About</a> <a href="/contact">Contact Us</a> <a href="/privacy">Privacy Policy</a>
<a href="/terms">Terms of Use</a> <p>Copyright 2024 The Associated Press. All Rights Reserved.</p></footer>
</body></html>"""


def ap_text() -> str:
    return "\n".join([
        "Menu", AP_MENU, "Search", AP_HEADLINE, "By JANE MCDONALD and PATRICK O’NEILL",
        "Updated 2:20 PM EDT, March 11, 2024", "Share", *AP_BODY[:2], "RELATED COVERAGE", *AP_RELATED,
        *AP_BODY[2:], "Copyright 2024 The Associated Press. All Rights Reserved.",
    ])


# ---------------------------------------------------------------- Reuters

RT_HEADLINE = "Harbor workers at Port Verran strike over night-shift pay"
RT_BODY = [
    "PORT VERRAN, June 4 (Reuters) - About 3,000 dock workers at Port Verran walked off the job on Tuesday, "
    "halting container traffic at the region's second-busiest harbor, their union said.",
    "The workers want a 12% raise for night shifts, which the port operator has refused, union leader "
    "Marco Almeida told Reuters by phone.",
    "The operator said in a statement that it had offered a 5% raise and that talks would resume on Thursday.",
    "Shipping agents said at least 14 vessels were waiting to unload outside the harbor.",
]


def reuters_html() -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in RT_BODY)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(RT_HEADLINE)} | Reuters</title>
<meta property="og:title" content="{escape(RT_HEADLINE)}">
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2024-06-04T09:12:00Z">
</head><body>
<nav><a href="/world/">World</a> <a href="/business/">Business</a> <a href="/markets/">Markets</a></nav>
<article><h1>{escape(RT_HEADLINE)}</h1>
<time datetime="2024-06-04T09:12:00Z">June 4, 2024 9:12 AM UTC</time>
<div class="article-body">{body}
<p>Reporting by Ana Ribeiro in Port Verran; Editing by Tom Hale and Sara Quint</p>
<p>Our Standards: The Thomson Reuters Trust Principles.</p></div></article>
<aside><h3>Read Next</h3><ul><li><a href="/x">Oil steadies as traders weigh supply outlook</a></li></ul></aside>
</body></html>"""


def reuters_text() -> str:
    return "\n".join([
        RT_HEADLINE, "By Ana Ribeiro", "June 4, 2024 9:12 AM UTC", *RT_BODY,
        "Reporting by Ana Ribeiro in Port Verran; Editing by Tom Hale and Sara Quint",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ])


# ---------------------------------------------------------------- Kompas

KP_HEADLINE = "Jembatan Gantung di Desa Sukamaju Putus, 40 Siswa Terpaksa Menyeberang Sungai"
KP_BODY = [
    "ACEH TIMUR, KOMPAS.com - Jembatan gantung yang menghubungkan dua dusun di Desa Sukamaju, Kecamatan "
    "Rantau Jaya, putus diterjang arus sungai pada Sabtu (2/11/2024) malam.",
    "Kepala Desa Sukamaju, Ridwan Hasan, mengatakan sedikitnya 40 siswa sekolah dasar kini harus "
    "menyeberangi sungai dengan rakit setiap pagi.",
    "\"Kami sudah melapor ke pemerintah kabupaten dan berharap jembatan darurat segera dibangun,\" kata "
    "Ridwan saat dihubungi, Minggu (3/11/2024).",
    "Menurut Ridwan, jembatan sepanjang 60 meter itu dibangun warga secara swadaya pada 2015.",
]
KP_RELATED = "Banjir Rendam 300 Rumah di Pesisir Timur"


def kompas_html() -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in KP_BODY[:2])
    rest = "".join(f"<p>{escape(p)}</p>" for p in KP_BODY[2:])
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{escape(KP_HEADLINE)} Halaman all - Kompas.com</title>
<meta property="og:site_name" content="KOMPAS.com">
<meta name="content_PublishedDate" content="2024-11-03 14:20:11">
<link rel="canonical" href="https://regional.kompas.com/read/2024/11/03/14201181/jembatan-gantung-putus">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{KP_HEADLINE}", "datePublished": "2024-11-03T14:20:11+07:00",
 "publisher": {{"@type": "Organization", "name": "KOMPAS.com"}}}}</script>
</head><body>
<div class="nav"><a href="/">Home</a> <a href="/regional">Regional</a> <a href="/nasional">Nasional</a></div>
<div class="read__header"><h1 class="read__title">{escape(KP_HEADLINE)}</h1>
<div class="read__time">Kompas.com - 03/11/2024, 14:20 WIB</div>
<div class="credit-title-name"><h6>Penulis</h6> Kontributor Aceh Timur, Dian Pratiwi</div>
<div class="credit-title-name"><h6>Editor</h6> Budi Santoso</div></div>
<div class="read__content">{body}
<p><strong>Baca juga: <a href="/read/x">{escape(KP_RELATED)}</a></strong></p>
{rest}</div>
<div class="tag__article"><a href="/tag/jembatan">jembatan</a></div>
</body></html>"""


def kompas_text() -> str:
    return "\n".join([
        "KOMPAS.com", "Regional", KP_HEADLINE, "Kompas.com - 03/11/2024, 14:20 WIB",
        "Penulis Kontributor Aceh Timur, Dian Pratiwi | Editor Budi Santoso", *KP_BODY[:2],
        "Baca juga: " + KP_RELATED, *KP_BODY[2:], "Lihat Juga: Warga Bangun Rakit dari Drum Bekas",
    ])


# ---------------------------------------------------------------- Detik

DT_HEADLINE = "Pemkot Tambah 25 Bus Listrik untuk Rute Sekolah Mulai Desember"
DT_BODY = [
    "Jakarta - Pemerintah kota menambah 25 bus listrik untuk melayani rute antar-jemput sekolah mulai "
    "Desember mendatang.",
    "Kepala Dinas Perhubungan, Sri Handayani, mengatakan bus tersebut akan melayani 12 rute di wilayah "
    "timur kota.",
    "\"Tahap pertama kami prioritaskan sekolah yang jauh dari halte,\" kata Sri kepada wartawan, Senin (4/3/2024).",
]


def detik_html() -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in DT_BODY)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{escape(DT_HEADLINE)}</title>
<meta property="og:site_name" content="detiknews">
<meta name="publishdate" content="2024/03/04 09:15:00">
<meta name="author" content="Rizky Maulana">
</head><body>
<article><h1 class="detail__title">{escape(DT_HEADLINE)}</h1>
<div class="detail__author">Rizky Maulana - detikNews</div>
<div class="detail__date">Senin, 04 Mar 2024 09:15 WIB</div>
<div class="detail__body-text">{body}
<p>Baca juga: Tarif Parkir Naik di Pusat Kota</p>
<p>(rzm/ahy)</p></div></article>
</body></html>"""


def detik_text() -> str:
    return "\n".join([
        "detikNews", DT_HEADLINE, "Rizky Maulana - detikNews", "Senin, 04 Mar 2024 09:15 WIB", *DT_BODY,
        "Baca juga: Tarif Parkir Naik di Pusat Kota", "(rzm/ahy)",
    ])


# ---------------------------------------------------------------- Tribun

TB_HEADLINE = "Pasar Murah Digelar di 10 Kelurahan, Warga Antre Sejak Subuh"
TB_BODY = [
    "TRIBUNNEWS.COM, JAKARTA - Pemerintah kota menggelar pasar murah di 10 kelurahan pada Rabu (6/3/2024) "
    "untuk menekan harga bahan pokok menjelang Ramadan.",
    "Warga sudah mengantre sejak subuh untuk membeli beras, minyak goreng, dan gula dengan harga di bawah pasar.",
    "Kepala Dinas Perdagangan, Hendra Wijaya, mengatakan setiap warga dibatasi membeli lima kilogram beras.",
]


def tribun_text() -> str:
    return "\n".join([
        "Tribunnews.com", TB_HEADLINE, "Rabu, 6 Maret 2024 11:05 WIB", "Penulis: Namira Putri", TB_BODY[0],
        "Baca juga: Harga Cabai Rawit Turun Jelang Ramadan", *TB_BODY[1:],
        "Baca juga: Stok Beras Dipastikan Aman Hingga Lebaran", "Editor: Hasanudin Aco",
    ])


def tribun_html() -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in TB_BODY[:1])
    rest = "".join(f"<p>{escape(p)}</p>" for p in TB_BODY[1:])
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{escape(TB_HEADLINE)} - Tribunnews.com</title>
<meta property="og:site_name" content="Tribunnews.com">
<meta name="author" content="Tribunnews.com">
<meta property="article:published_time" content="2024-03-06T11:05:00+07:00">
</head><body>
<h1 id="arttitle">{escape(TB_HEADLINE)}</h1>
<div id="penulis">Penulis: <a href="/u/namira">Namira Putri</a></div>
<div id="editor">Editor: <a href="/u/hasan">Hasanudin Aco</a></div>
<time>Rabu, 6 Maret 2024 11:05 WIB</time>
<div class="side-article txt-article">{body}
<p><strong>Baca juga: <a href="/x">Harga Cabai Rawit Turun Jelang Ramadan</a></strong></p>
{rest}</div>
</body></html>"""


# ---------------------------------------------------------------- WordPress blog

WP_HEADLINE = "Our community garden harvested 300 kilograms of vegetables this season"
WP_BODY = [
    "The volunteers of the Elm Street garden harvested about 300 kilograms of tomatoes, beans and squash "
    "between June and September, twice as much as last year.",
    "Most of the harvest went to the food bank on Fifth Avenue, which says it now serves 450 families a week.",
    "We will plant garlic and onions in October, and new volunteers are always welcome on Saturday mornings.",
]


def wordpress_html() -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in WP_BODY)
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{escape(WP_HEADLINE)} &#8211; Elm Street Gardeners</title>
<meta property="og:site_name" content="Elm Street Gardeners">
<meta property="article:published_time" content="2024-10-02T18:30:00+00:00">
</head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Elm Street Gardeners</a></p>
<nav id="site-navigation"><a href="/">Home</a> <a href="/about">About</a> <a href="/blog">Blog</a></nav></header>
<main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{escape(WP_HEADLINE)}</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2024-10-02T18:30:00+00:00">October 2, 2024</time>
by <span class="author vcard"><a class="url fn n" href="/author/dina">Dina Rahman</a></span></div></header>
<div class="entry-content">{body}</div>
<footer class="entry-footer">Posted in <a href="/c/news">News</a></footer></article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 class="comment-reply-title">Leave a Reply</h3>
<form><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div></main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Recent Posts</h2>
<ul><li><a href="/p1">Seed swap this Sunday</a></li><li><a href="/p2">How to compost in winter</a></li></ul></section>
<section class="widget widget_archive"><h2>Archives</h2><ul><li><a href="/2024/09">September 2024</a></li></ul></section></aside>
<footer id="colophon">Proudly powered by WordPress</footer>
</body></html>"""


def wordpress_text() -> str:
    return "\n".join([
        "Elm Street Gardeners", "Home About Blog", WP_HEADLINE, "Posted on October 2, 2024 by Dina Rahman",
        *WP_BODY, "Posted in News", "Leave a Reply",
        "Your email address will not be published. Required fields are marked *", "Recent Posts",
        "Seed swap this Sunday", "How to compost in winter", "Archives", "September 2024",
        "Proudly powered by WordPress",
    ])
