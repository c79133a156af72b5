"""Parses feeds with Universal Feed Parser and prints what it understood as JSON (one object per URL)."""
import calendar
import json
import sys

import feedparser


def entry(e):
    date = e.get("published_parsed") or e.get("updated_parsed")
    content = " ".join(c.get("value", "") for c in e.get("content", []))
    return {
        "id": e.get("id", ""),
        "link": e.get("link", ""),
        "title": e.get("title", ""),
        "date": calendar.timegm(date) if date else None,
        "updated": calendar.timegm(e["updated_parsed"]) if e.get("updated_parsed") else None,
        "author": e.get("author", ""),
        "summary": e.get("summary", ""),
        "content": content,
        "tags": [t.get("term", "") for t in e.get("tags", [])],
        "enclosures": [{"href": x.get("href", ""), "type": x.get("type", "")} for x in e.get("enclosures", [])],
    }


results = []
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    results.append({
        "url": url,
        "status": d.get("status"),
        "bozo": bool(d.bozo),
        "bozo_exception": repr(d.get("bozo_exception")) if d.bozo else None,
        "version": d.get("version", ""),
        "title": d.feed.get("title", ""),
        "language": d.feed.get("language", ""),
        "links": [{"rel": l.get("rel", ""), "href": l.get("href", "")} for l in d.feed.get("links", [])],
        "entries": [entry(e) for e in d.entries],
    })
json.dump(results, sys.stdout, ensure_ascii=False)
