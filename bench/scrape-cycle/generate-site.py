#!/usr/bin/env python3
"""Generates the scrape-cycle benchmark site: N sources x M articles with paginated list pages,
ndsoft-style article pages (from the bench fixture), a sources.json pointing the worker at it, and an
nginx config that serves it on 127.0.0.1 (ETag and Last-Modified on, so a second cycle can get 304s).

    bench/scrape-cycle/generate-site.py --out /tmp/nfw-site [--sources 50] [--articles 200] [--per-page 20] [--port 18080]
"""
import argparse
import html
import json
import os
import random
import re

here = os.path.dirname(os.path.abspath(__file__))
fixture_path = os.path.join(here, '..', 'NewsFeedWorker.Benchmarks', 'Data', 'ndsoft-article.html')

parser = argparse.ArgumentParser()
parser.add_argument('--out', required=True)
parser.add_argument('--sources', type=int, default=50)
parser.add_argument('--articles', type=int, default=200)
parser.add_argument('--per-page', type=int, default=20)
parser.add_argument('--port', type=int, default=18080)
args = parser.parse_args()

fixture = open(fixture_path, encoding='utf-8').read()
title = re.search(r'<h1 class="art_title">(.*?)</h1>', fixture).group(1)
body_match = re.search(r'(<div id="news_body_area"[^>]*>)(.*?)(<p class="news_source">)', fixture, re.S)
paragraphs = re.findall(r'<p>([^<]{40,})</p>', body_match.group(2))
assert len(paragraphs) >= 8, 'fixture lost its paragraphs'

out = os.path.abspath(args.out)
site = os.path.join(out, 'site')
base = f'http://127.0.0.1:{args.port}'
pages = (args.articles + args.per_page - 1) // args.per_page


def article_page(src, n):
    rnd = random.Random(src * 100_003 + n)
    chosen = rnd.sample(paragraphs, 8)
    # A sentence of its own per article: otherwise every copy would be a near-duplicate of the others.
    unique = html.escape(f'(벤치뉴스 {src:02d}) 이 기사는 {src}번 매체의 {n}번째 기사로, 수집 성능 측정을 위해 생성됐다. 고유번호 {src * 100_000 + n}.')
    body = '<p>&nbsp;</p>\n' + '\n'.join(f'<p>{p}</p>\n<p>&nbsp;</p>' for p in [unique] + chosen) + '\n'
    page_title = f'{title} ({src:02d}-{n})'
    text = fixture.replace(body_match.group(2), body, 1).replace(title, page_title)
    text = text.replace('https://www.portalnews.example/news/article.html?no=158203', f'{base}/s{src:02d}/news/article-{n}.html')
    return text


def list_page(src, page):
    first = (page - 1) * args.per_page
    items = []
    for n in range(first, min(first + args.per_page, args.articles)):
        items.append(f'<li><a href="/s{src:02d}/news/article-{n}.html"><strong class="tit">{html.escape(title)} ({src:02d}-{n})</strong></a>'
                     f'<p class="lead">{html.escape(paragraphs[n % len(paragraphs)][:80])}</p></li>')
    nav = f'<a class="next" href="/s{src:02d}/list-{page + 1}.html">다음</a>' if page < pages else ''
    return (f'<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8"><title>벤치뉴스 {src:02d} - 전체기사 {page}</title></head>\n'
            f'<body><div id="container"><h2>전체기사</h2><ul class="article_list">\n' + '\n'.join(items) +
            f'\n</ul><div class="paging">{nav}</div></div></body></html>\n')


for src in range(args.sources):
    os.makedirs(os.path.join(site, f's{src:02d}', 'news'), exist_ok=True)
    for page in range(1, pages + 1):
        with open(os.path.join(site, f's{src:02d}', f'list-{page}.html'), 'w', encoding='utf-8') as f:
            f.write(list_page(src, page))
    for n in range(args.articles):
        with open(os.path.join(site, f's{src:02d}', 'news', f'article-{n}.html'), 'w', encoding='utf-8') as f:
            f.write(article_page(src, n))

selectors = {
    'title': 'h1.art_title', 'subtitle': 'h2.art_subtitle', 'author': '.art_info .writer',
    'published': '.art_info .date', 'category': '.article_head .cate', 'body': '#news_body_area',
    'credit': '#news_body_area .news_source', 'leadImage': '#news_body_area img',
    'remove': ['.art_util', '.ad_article', 'script', 'style'], 'teaserBlock': '.section_block',
}
weather = {'container': '.weather_box', 'item': '.weather_list li', 'station': '.w_area', 'condition': '.w_sky',
           'temperature': '.w_temp', 'date': '.today', 'provider': '.w_provider'}
sources = {'sources': [{
    'id': f'bench{src:02d}',
    'name': f'벤치뉴스 {src:02d}',
    'schedule': '0 0 0 1 1 ? 2099',  # never on its own: the benchmark triggers the cycle
    'language': 'ko',
    'startUrls': [f'{base}/s{src:02d}/list-1.html'],
    'allowedHosts': ['127.0.0.1'],
    'articleLinks': {'selector': 'ul.article_list a', 'urlPattern': r'/news/article-\d+\.html$',
                     'nextPage': '.paging a.next', 'maxPages': pages, 'maxArticles': args.articles},
    'selectors': selectors,
    'weather': weather,
    'politeness': {'delay': '00:00:00', 'maxConcurrency': 8, 'obeyRobotsTxt': False},
} for src in range(args.sources)]}
# In a folder of its own: the worker watches the sources file's folder, and nginx's access log changes constantly.
os.makedirs(os.path.join(out, 'config'), exist_ok=True)
with open(os.path.join(out, 'config', 'sources.json'), 'w', encoding='utf-8') as f:
    json.dump(sources, f, ensure_ascii=False, indent=2)

# nginx: one worker (the other core is the scraper's), no access log buffering surprises, ETag + Last-Modified on.
with open(os.path.join(out, 'nginx.conf'), 'w', encoding='utf-8') as f:
    f.write(f"""worker_processes 1;
daemon off;
pid {out}/nginx.pid;
error_log {out}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    etag on;
    if_modified_since exact;
    client_body_temp_path {out}/tmp;
    proxy_temp_path {out}/tmp;
    fastcgi_temp_path {out}/tmp;
    uwsgi_temp_path {out}/tmp;
    scgi_temp_path {out}/tmp;
    log_format bench '$msec $status $request_uri';
    access_log {out}/access.log bench;
    server {{
        listen 127.0.0.1:{args.port};
        root {site};
    }}
}}
""")
os.makedirs(os.path.join(out, 'tmp'), exist_ok=True)
print(json.dumps({'out': out, 'sources': args.sources, 'articlesPerSource': args.articles, 'listPagesPerSource': pages,
                  'pages': args.sources * (args.articles + pages), 'baseUrl': base}))
