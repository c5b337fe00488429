#!/usr/bin/env python3
"""Writes saved web pages built from plain-text articles, for
scripts/export-snapshot.sh: the same articles as the sample, the dev sets and
tests/stories give, dressed in the shapes pages come in (meta tags, JSON-LD,
<article> with its own header, navigation, scripts, figures, asides, lists,
unclosed furniture, entities), so that a change to how pages are read is
seen in the exports.

usage: html-pages.py OUT_DIR ARTICLE...   (one page per article, in order)
"""

import html
import json
import os
import re
import sys

DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def parts(text):
    """Title, date (or None) and paragraphs of a plain-text article."""
    lines = text.replace("\r\n", "\n").split("\n")
    title = next((line.strip() for line in lines if line.strip()), "Untitled")
    rest = lines[lines.index(next(line for line in lines if line.strip())) + 1:] if text.strip() else []
    date = None
    for line in rest[:6]:
        found = DATE.search(line)
        if found:
            date = found.group(1)
            break
    paragraphs, current = [], []
    for line in rest:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    if date:
        paragraphs = [p for p in paragraphs if DATE.search(p) is None or len(p) > 40]
    return title, date, paragraphs


def escape(text):
    return html.escape(text, quote=True).replace("\u2019", "&#8217;").replace("\u00a0", "&nbsp;")


def full_page(title, date, paragraphs):
    """Head with meta tags, furniture around an <article> with its header."""
    head = [f"<title>{escape(title)} | Example Times</title>", f'<meta property="og:title" content="{escape(title)}">']
    if date:
        head.append(f'<meta property="article:published_time" content="{date}T09:30:00Z">')
    head += ['<meta property="og:site_name" content="Example Times">',
             '<link rel="canonical" href="https://www.example-times.com/world/story">']
    body = ['<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>',
            '<svg><title>logo</title></svg>', "<article><header>", f"<h1>{escape(title)}</h1>"]
    if date:
        body.append(f'<time datetime="{date}">{date}</time>')
    body.append("<p>By Staff Reporter</p></header>")
    for index, paragraph in enumerate(paragraphs):
        body.append(f"<p>{escape(paragraph)}</p>")
        if index == 1:
            body.append("<figure><img src='x.jpg'><figcaption>A photo caption</figcaption></figure>")
    body += ["</article>", "<aside><h2>Most read</h2><ul><li>Another story</li></ul></aside>",
             "<footer>&copy; Example Times</footer>", '<script>var x = "<p>not text</p>";</script>']
    return "<!DOCTYPE html>\n<html><head>" + "".join(head) + "</head><body>" + "\n".join(body) + "</body></html>\n"


def linked_data_page(title, date, paragraphs):
    """No <article>: JSON-LD, divs and line breaks, an unclosed header."""
    fields = {"@type": "NewsArticle", "headline": title}
    if date:
        fields["datePublished"] = date
    ld = json.dumps(fields).replace("</", "<\\/")
    body = [f'<script type="application/ld+json">{ld}</script>', "<header><div>Menu</div>", "<main>"]
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        half = len(words) // 2
        body.append(f"<div>{escape(' '.join(words[:half]))}<br>{escape(' '.join(words[half:]))}</div>")
    body += ["</main>", "<form><button>Subscribe</button></form>"]
    return "<html><head><title>" + escape(title) + "</title></head><body>" + "\n".join(body) + "</body></html>\n"


def structured_page(title, date, paragraphs):
    """Two articles, lists, a quote, subheadings, a noscript."""
    body = ["<main><article>", f"<h1>{escape(title)}</h1>"]
    if date:
        body.append(f'<p><time datetime="{date}T12:00:00+02:00">{date}</time></p>')
    for index, paragraph in enumerate(paragraphs):
        if index % 4 == 3:
            body.append(f"<blockquote>{escape(paragraph)}</blockquote>")
        elif index % 5 == 4:
            body.append(f"<ul><li>{escape(paragraph)}</li></ul>")
        else:
            body.append(f"<p>{escape(paragraph)}</p>")
        if index == 2:
            body.append("<h2>What happens next</h2><noscript><p>Enable scripts</p></noscript>")
    body += ["</article>", "<article><h2>Related</h2><p>Another story entirely.</p></article></main>"]
    return "<!doctype html><html><body>" + "\n".join(body) + "</body></html>\n"


SHAPES = [full_page, linked_data_page, structured_page]


def main():
    out, articles = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    for index, path in enumerate(articles):
        with open(path, encoding="utf-8", errors="replace") as file:
            title, date, paragraphs = parts(file.read())
        page = SHAPES[index % len(SHAPES)](title, date, paragraphs)
        name = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(out, f"{index:03d}_{name}.html"), "w", encoding="utf-8") as file:
            file.write(page)


if __name__ == "__main__":
    main()
