"""Regenerate ``crawl-2025-03-21.warc.gz``, the sample WARC file (CC-NEWS style).

Run ``python -m wortlaut.samples.make_warc`` after editing the pages below.
Record ids and dates are fixed so that the output is byte-for-byte
reproducible.  The file holds a request record, two HTML responses (an
English report of the EU summit also covered by ``2025-03-21_eu-gipfel.html``
and a German article) and a non-HTML response that readers must skip.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTPUT = Path(__file__).with_name("crawl-2025-03-21.warc.gz")
FETCHED = "2025-03-21T12:00:00Z"

ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>EU leaders agree new Ukraine aid package at Brussels summit</title>
<meta property="og:site_name" content="Continental Times">
<meta name="author" content="Daniel Hayes">
<meta property="article:published_time" content="2025-03-21T08:30:00+00:00">
</head><body><nav><a href="/">Home</a> | <a href="/europe">Europe</a></nav>
<article><h1>EU leaders agree new Ukraine aid package at Brussels summit</h1>
<p>Brussels. European Union leaders meeting in Brussels have agreed on a further aid package for Ukraine
worth 20 billion euros, diplomats said, with most of the money going to air defence and the repair of
the power grid.</p>
<p>German Chancellor Thomas Brandner said after the talks on Thursday evening that Europe had sent
"a clear signal of unity". "Nobody in Moscow should bet on our fatigue," he added.</p>
<p>Hungary had raised objections to the financing. According to officials, a compromise was found under
which part of the money will be given as loans. European Council President Ana Ribeiro said the deal
showed that the Union was able to act.</p>
<p>On Friday, the leaders were due to discuss the competitiveness of European industry.</p></article>
<footer><p>We use cookies to improve your experience.</p></footer></body></html>
"""

GERMAN_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Verkehrsminister kündigt Reform der Bahn an</title>
<meta property="og:site_name" content="Rheinische Rundschau">
<meta property="article:published_time" content="2025-03-18T14:00:00+01:00">
</head><body><nav><a href="/">Startseite</a></nav>
<article><h1>Verkehrsminister kündigt Reform der Bahn an</h1>
<p>Berlin. Bundesverkehrsminister Henrik Voss will die Deutsche Bahn grundlegend umbauen. Bei einer
Pressekonferenz am Dienstag sagte Voss, die Infrastruktur müsse künftig von einer eigenen Gesellschaft
verwaltet werden, die dem Gemeinwohl verpflichtet sei.</p>
<p>„Pünktlichkeit ist keine Frage des Glücks, sondern der Planung“, sagte der Minister. Laut seinem
Ministerium sollen bis 2030 rund 40 Milliarden Euro in das Schienennetz fließen.</p>
<p>Die Gewerkschaften reagierten skeptisch. Ein Sprecher erklärte, man werde den Plänen nur zustimmen,
wenn die Arbeitsplätze gesichert seien. Am Mittwoch will Voss die Pläne im Verkehrsausschuss vorstellen.</p>
</article></body></html>
"""


def _warc_headers(number: int) -> dict[str, str]:
    return {"WARC-Date": FETCHED, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"}


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, number: int) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = _warc_headers(number)
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def _request(writer: WARCWriter, url: str, number: int) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    headers = _warc_headers(number)
    record = writer.create_warc_record(
        url, "request", payload=BytesIO(b""), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def write_sample(path: Path = OUTPUT) -> Path:
    """Write the sample WARC file and return its path."""
    english = "https://continental-times.example/europe/eu-ukraine-aid-package"
    german = "https://rheinische-rundschau.example/politik/bahnreform"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        _request(writer, english, 1)
        _response(writer, english, ENGLISH_PAGE.encode("utf-8"), "text/html; charset=utf-8", 2)
        _response(writer, "https://continental-times.example/robots.txt", b"User-agent: *\n", "text/plain", 3)
        _response(writer, german, GERMAN_PAGE.encode("utf-8"), "text/html; charset=utf-8", 4)
    return path


if __name__ == "__main__":
    print(write_sample())
