#!/usr/bin/env python3
"""Local fixture server for ImpostorFetchTests: platform APIs, rate limits and misbehaviour.

Prints "PORT <n>" once listening on 127.0.0.1 (ephemeral port). `--tls CERT KEY` serves HTTPS.
State lives in memory; GET /stats returns the counters tests assert on.
"""
import email.utils
import gzip
import json
import socketserver
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
import lifetime

LOCK = threading.Lock()
STATS = {"violations": 0, "hits": {}, "avatar_200": 0, "avatar_304": 0, "max_batch": 0, "times": {}}
WINDOWS = {}
INFLIGHT = {}
SEEN = set()
BOMB = []
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6a8f50000000049454e44ae426082")


def count(name):
    with LOCK:
        STATS["hits"][name] = STATS["hits"].get(name, 0) + 1
        STATS["times"].setdefault(name, []).append(time.time())


def window_allow(name, limit, length):
    """A fixed window of `length` seconds allowing `limit` requests; returns (ok, remaining, reset_epoch)."""
    now = time.time()
    start = int(now // length) * length
    with LOCK:
        w = WINDOWS.get(name)
        if w is None or w[0] != start:
            w = [start, 0]
            WINDOWS[name] = w
        if w[1] >= limit:
            STATS["violations"] += 1
            return False, 0, start + length
        w[1] += 1
        return True, limit - w[1], start + length


# Google's error shapes (YouTube Data API v3): the current form of a bad key, and a spent quota.
YOUTUBE_BAD_KEY = {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                             "errors": [{"message": "API key not valid. Please pass a valid API key.",
                                         "domain": "global", "reason": "badRequest"}],
                             "status": "INVALID_ARGUMENT",
                             "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                                          "domain": "googleapis.com", "metadata": {"service": "youtube.googleapis.com"}}]}}
YOUTUBE_QUOTA = {"error": {"code": 403,
                           "message": "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
                           "errors": [{"message": "The request cannot be completed because you have exceeded your quota.",
                                       "domain": "youtube.quota", "reason": "quotaExceeded"}]}}

# Squats planted for Oakbridge Town Council, one per platform; every other handle does not exist.
BSKY_PLANTED = {"oakbridge-tc.bsky.social": "Oakbridge TC", "oakbrdgetc.bsky.social": "Oakbridge Town Council"}
X_PLANTED = {"oakbridge_tc": "active", "oakbridgetc": "suspended", "oakbrdgetc": "parody"}
IG_PLANTED = {"oakbridge.council": "Oakbridge Town Council"}
GRAPH_EXPIRED = {"error": {"message": "Error validating access token: Session has expired.", "type": "OAuthException",
                           "code": 190, "error_subcode": 463, "fbtrace_id": "AbC"}}

# Brave Search: a result per kind of address a search for a council brings back.
BRAVE_KEY = "brave-key"
BRAVE_LAST = [0.0]


def brave_results(query):
    place = query.split('"')[1] if '"' in query else query
    slug = "".join(ch for ch in place.lower() if ch.isalnum())
    rows = [
        ("https://www.facebook.com/%s.council.grants" % slug, "%s Town Counci1 | Facebook" % place, "Grants for residents &amp; more"),
        ("https://www.facebook.com/%s.council.grants/posts/12345" % slug, "Event cancelled | Facebook", "A post"),
        ("https://www.facebook.com/groups/%swatch" % slug, "%s Watch | Facebook" % place, "A group"),
        ("https://www.facebook.com/profile.php?id=100012345678901", "%s Mayor | Facebook" % place, "Mayor of %s" % place),
        ("https://www.instagram.com/%s_tc/" % slug, "%s TC (@%s_tc) • Instagram photos and videos" % (place, slug), "120 followers"),
        ("https://www.instagram.com/p/Cabc123/", "Photo by %s TC" % place, "A photo"),
        ("https://x.com/%sTC_" % slug, "%s Town Council (@%sTC_) / X" % (place, slug), "Official news"),
        ("https://x.com/%sTC/status/1790000000000000000" % slug, "A post on X", "post"),
        ("https://www.tiktok.com/@%s.council" % slug, "%s Council (@%s.council) | TikTok" % (place, slug), "Videos"),
        ("https://www.facebook.com/help/123", "Help Centre", "help"),
    ]
    return [{"type": "search_result", "subtype": "generic", "title": t, "url": u, "description": d, "language": "en",
             "family_friendly": True, "is_source_local": False, "is_source_both": False, "is_live": False,
             "profile": {"name": "Site", "long_name": u.split("/")[2], "url": u, "img": "https://imgs.search.brave.com/x"},
             "meta_url": {"scheme": "https", "netloc": u.split("/")[2], "hostname": u.split("/")[2],
                          "favicon": "https://imgs.search.brave.com/f", "path": "› " + u.split("/")[-1]}}
            for (u, t, d) in rows]


def actor(did, name, followers=None):
    a = {"did": did, "handle": did.split(":")[-1] + ".bsky.social", "displayName": name,
         "description": "bio of " + name, "createdAt": "2026-01-01T00:00:00.000Z"}
    # The AppView's answer for an account whose handle no longer verifies.
    if did.startswith("did:plc:lapsed"):
        a["handle"] = "handle.invalid"
    if followers is not None:
        a["followersCount"] = followers
    return a


def account(acct, name):
    return {"id": "1", "username": acct.split("@")[0], "acct": acct, "display_name": name,
            "note": "<p>Hello &amp; welcome</p>", "url": "https://social.example/@" + acct,
            "uri": "https://social.example/users/" + acct, "avatar_static": "https://social.example/a.png",
            "created_at": "2026-08-20T00:00:00.000Z", "followers_count": 3}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, a keep-alive client waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True

    clock_offset = 0

    def log_message(self, *args):
        pass

    def date_time_string(self, timestamp=None):
        return email.utils.formatdate((timestamp or time.time()) + self.clock_offset, usegmt=True)

    def send(self, status, body=b"", ctype="application/json", headers=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        q = {k: v for k, v in parse_qs(url.query).items()}
        one = lambda k, d=None: q.get(k, [d])[0]
        path = url.path
        count(path)
        port = self.server.server_address[1]

        if path.startswith("/down/"):
            # A server that is down: a proxy's HTML page, 503, on every request.
            return self.send(503, "<html><body><h1>503 Service Unavailable</h1></body></html>", ctype="text/html",
                             headers={"Retry-After": "0"})
        if path == "/stats":
            with LOCK:
                return self.send(200, STATS)
        if path == "/malformed/xrpc/app.bsky.actor.searchActors":
            return self.send(200, '{"actors": [{"did": "did:plc:a", "handle": }')
        if path.endswith("app.bsky.actor.searchActors"):
            headers = {}
            if path.startswith("/rl/"):
                ok, remaining, reset = window_allow("bsky", 3, 2)
                headers = {"RateLimit-Limit": "3", "RateLimit-Remaining": str(remaining),
                           "RateLimit-Reset": str(int(reset)), "RateLimit-Policy": "3;w=2"}
                if not ok:
                    return self.send(429, {"error": "RateLimitExceeded"}, headers=headers)
            query = one("q", "")
            pages = 0 if query == "nothing" else 5
            page = int(one("cursor", "0"))
            per_page = min(int(one("limit", "2")), 30)
            actors = [actor("did:plc:%s-%d-%d" % (query.replace(" ", "_").lower(), page, i), "%s %d %d" % (query, page, i))
                      for i in range(per_page)] if page < pages else []
            body = {"actors": actors}
            if page + 1 < pages:
                body["cursor"] = str(page + 1)
            return self.send(200, body, headers=headers)
        if path.endswith("app.bsky.actor.getProfiles"):
            dids = q.get("actors", [])
            with LOCK:
                STATS["max_batch"] = max(STATS["max_batch"], len(dids))
            if len(dids) > 25:
                return self.send(400, {"error": "InvalidRequest", "message": "too many actors"})
            # Handles that do not exist are left out of the answer without a word, as the AppView does.
            planted = {"did:plc:squat-" + h.split(".")[0]: h for h in BSKY_PLANTED}
            found = []
            for d in dids:
                h = planted.get(d, d if d in BSKY_PLANTED else None)
                if h:
                    a = actor("did:plc:squat-" + h.split(".")[0], BSKY_PLANTED[h], followers=3)
                    a["handle"] = h
                    found.append(a)
                elif d.startswith("did:"):
                    found.append(actor(d, "detailed " + d, followers=7))
            return self.send(200, {"profiles": found})
        if path == "/2/users/by":
            # A pay-per-use app past its monthly cap: 429 with X's problem "usage-capped", though its rate limit is not
            # spent (the answer recorded in xdevplatform/xdk#25).
            if self.headers.get("Authorization") == "Bearer x-capped":
                return self.send(429, {"title": "UsageCapExceeded", "detail": "Usage cap exceeded: Monthly product cap",
                                       "type": "https://api.twitter.com/2/problems/usage-capped", "period": "Monthly",
                                       "scope": "Product"},
                                 headers={"x-rate-limit-limit": "40000", "x-rate-limit-remaining": "39999",
                                          "x-rate-limit-reset": str(int(time.time()) + 900)})
            if self.headers.get("Authorization") != "Bearer x-token":
                return self.send(401, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"})
            names = one("usernames", "").split(",")
            with LOCK:
                STATS["x_max_batch"] = max(STATS.get("x_max_batch", 0), len(names))
            if len(names) > 100:
                return self.send(400, {"title": "Invalid Request", "detail": "too many usernames", "type": "https://api.x.com/2/problems/invalid-request"})
            data, errors = [], []
            for n in names:
                kind = X_PLANTED.get(n.lower())
                if kind in ("active", "parody"):
                    # Links come as t.co; `entities` gives each with the address it stands for, as X documents.
                    data.append({"id": "1790000000000000%03d" % len(data), "username": n, "name": "Oakbridge Town Counci1",
                                 "description": "Official news. DM for grants https://t.co/Gr4ntF0rm1",
                                 "created_at": "2026-11-30T10:00:00.000Z",
                                 "profile_image_url": "https://pbs.twimg.com/profile_images/1/a_normal.jpg",
                                 "public_metrics": {"followers_count": 12, "following_count": 400, "tweet_count": 3, "listed_count": 0},
                                 "url": "https://t.co/W3bS1te00x",
                                 "entities": {"url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/W3bS1te00x",
                                                                "expanded_url": "https://oakbridge-tc-grants.example",
                                                                "display_url": "oakbridge-tc-grants.example"}]},
                                              "description": {"urls": [{"start": 29, "end": 52, "url": "https://t.co/Gr4ntF0rm1",
                                                                        "expanded_url": "https://oakbridge-refunds.example/form",
                                                                        "display_url": "oakbridge-refunds.example/form"}]}},
                                 "verified_type": "none", "parody": kind == "parody"})
                elif kind == "suspended":
                    errors.append({"value": n, "detail": "User has been suspended: [%s]." % n, "title": "Forbidden",
                                   "resource_type": "user", "parameter": "usernames", "resource_id": n,
                                   "type": "https://api.twitter.com/2/problems/resource-not-found"})
                else:
                    errors.append({"value": n, "detail": "Could not find user with usernames: [%s]." % n,
                                   "title": "Not Found Error", "resource_type": "user", "parameter": "usernames",
                                   "resource_id": n, "type": "https://api.twitter.com/2/problems/resource-not-found"})
            body = {"errors": errors}
            if data:
                body["data"] = data
            return self.send(200, body, headers={"x-rate-limit-limit": "300", "x-rate-limit-remaining": "299",
                                                 "x-rate-limit-reset": str(int(time.time()) + 900)})
        if path.startswith("/v25.0/") and path.endswith("/pages/search"):
            if one("access_token") != "fb-token":
                return self.send(400, GRAPH_EXPIRED)
            query = one("q", "")
            if query == "Throttled":
                return self.send(400, {"error": {"message": "(#4) Application request limit reached", "type": "OAuthException",
                                                 "code": 4, "is_transient": True, "fbtrace_id": "AbC"}})
            if query == "Many":
                # Graph's paged list: `next` (an address on Meta's host) only while another page follows.
                if one("after") == "QVFIUm9yZQ":
                    data = [{"id": "90000000000002", "name": "Many Town Counci1", "link": "https://www.facebook.com/many.tc.second"}]
                    return self.send(200, {"data": data, "paging": {"cursors": {"before": "QVFIUmJ", "after": "QVFIUmVuZA"}}})
                data = [{"id": "90000000000001", "name": "Many Town Council", "link": "https://www.facebook.com/many.tc.first"}]
                return self.send(200, {"data": data, "paging": {
                    "cursors": {"before": "QVFIUmE", "after": "QVFIUm9yZQ"},
                    "next": "https://graph.facebook.com/v25.0/pages/search?q=Many&limit=1&after=QVFIUm9yZQ&access_token=elsewhere"}})
            if query == "Facebook HQ":
                data = [{"id": "166793820034304", "name": "Facebook HQ",
                         "location": {"city": "Menlo Park", "country": "United States"},
                         "link": "https://www.facebook.com/Facebook-HQ-166793820034304/"},
                        {"id": "20531316728", "name": "Facebook", "link": "https://www.facebook.com/facebook/"}]
                return self.send(200, {"data": data}, headers={"X-App-Usage": '{"call_count":1,"total_cputime":1,"total_time":1}'})
            slug = "".join(ch for ch in query.lower() if ch.isalnum())
            data = [{"id": "%d%d" % (abs(hash(slug)) % 100000, i), "name": "%s Town Counci%s" % (query, "l1"[i]),
                     "location": {"city": query, "country": "United Kingdom"},
                     "link": "https://www.facebook.com/%s.tc%d" % (slug, i)} for i in range(2)]
            usage = '{"call_count":%d,"total_cputime":5,"total_time":5}' % (95 if query == "Busy" else 10)
            return self.send(200, {"data": data, "paging": {"cursors": {"before": "QVFIUm", "after": "QVFIUn"}}},
                             headers={"X-App-Usage": usage})
        if path.startswith("/v25.0/"):
            if one("access_token", "").startswith("ig-throttled-"):
                with LOCK:
                    STATS["ig_lookups"] = STATS.get("ig_lookups", 0) + 1
                return self.send(int(one("access_token").split("-")[-1]), {"error": {
                    "message": "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.",
                    "type": "OAuthException", "code": 80002, "fbtrace_id": "x"}})
            if one("access_token") != "ig-token":
                return self.send(400, GRAPH_EXPIRED)
            fields = one("fields", "")
            name = fields.split("username(")[1].split(")")[0] if "username(" in fields else ""
            with LOCK:
                STATS["ig_lookups"] = STATS.get("ig_lookups", 0) + 1
            if name in IG_PLANTED:
                return self.send(200, {"business_discovery": {"id": "17841400000000123", "username": name,
                                                              "name": IG_PLANTED[name], "biography": "Grants for residents",
                                                              "website": "https://oakbridge-grants.example",
                                                              "followers_count": 8,
                                                              "profile_picture_url": "https://scontent.cdninstagram.com/p.jpg"},
                                       "id": path.split("/")[2]})
            return self.send(400, {"error": {"message": "Invalid user id", "type": "OAuthException", "code": 110,
                                             "error_subcode": 2207013, "fbtrace_id": "AbC"}})
        if path.endswith("/api/v2/search"):
            headers = {}
            if path.startswith("/rl/"):
                ok, remaining, reset = window_allow("mastodon", 2, 2)
                iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(reset)) + ".000000Z"
                headers = {"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": iso}
                if not ok:
                    return self.send(429, {"error": "Too many requests"}, headers=headers)
            if self.headers.get("Authorization") == "Bearer revoked-token":
                return self.send(401, {"error": "The access token is invalid"})
            if q.get("offset") and not self.headers.get("Authorization"):
                return self.send(401, {"error": "Search queries pagination is not supported without authentication"})
            query = one("q", "")
            return self.send(200, {"accounts": [account("x%d_%s@other.example" % (i, query.replace(" ", "_")), query) for i in range(2)],
                                   "statuses": [], "hashtags": []}, headers=headers)
        if path.endswith("/api/v1/accounts/lookup"):
            acct = one("acct", "")
            if acct == "known":
                a = account("known", "Known Account")
                # Profile fields as Mastodon sends them: the value is HTML, a link split into spans.
                a["fields"] = [{"name": "Website", "verified_at": None,
                                "value": "<a href=\"https://oakbridge-grants.example\" target=\"_blank\" rel=\"nofollow noopener noreferrer me\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"\">oakbridge-grants.example</span><span class=\"invisible\"></span></a>"}]
                return self.send(200, a)
            if acct == "gone":
                # A suspended account still answers the look-up, emptied, with `suspended`.
                a = account("gone", "")
                a.update({"note": "", "suspended": True, "fields": [], "avatar_static": "https://social.example/avatars/original/missing.png"})
                return self.send(200, a)
            if acct == "hidden":
                a = account("hidden", "Hidden Counts")
                a["followers_count"] = -1
                a["following_count"] = -1
                return self.send(200, a)
            if acct == "emoji":
                # A custom emoji in the name, as Mastodon sends it: the shortcode, and its picture in `emojis`.
                a = account("emoji", ":verified: Oakbridge Town Council :oak_leaf:")
                a["note"] = "<p>News from the <a href=\"https://social.example/tags/oakbridge\" class=\"mention hashtag\">#<span>Oakbridge</span></a> town hall<br>Grants open</p>"
                a["emojis"] = [{"shortcode": "verified", "url": "https://social.example/emoji/verified.png",
                                "static_url": "https://social.example/emoji/verified.png", "visible_in_picker": True},
                               {"shortcode": "oak_leaf", "url": "https://social.example/emoji/oak.png",
                                "static_url": "https://social.example/emoji/oak.png", "visible_in_picker": True}]
                return self.send(200, a)
            return self.send(404, {"error": "Record not found"})
        if path.endswith("/youtube/v3/search"):
            if one("key") == "spent-key":
                return self.send(403, YOUTUBE_QUOTA)
            if one("key") != "test-key":
                return self.send(400, YOUTUBE_BAD_KEY)
            query = one("q", "")
            # search.list snippets come HTML-escaped.
            items = [{"id": {"kind": "youtube#channel", "channelId": "UC%s%d" % (query.replace(" ", ""), i)},
                      "snippet": {"title": query + " &amp; Friends&#39; channel", "description": "Town &amp; Parish"}}
                     for i in range(2)]
            return self.send(200, {"items": items})
        if path.endswith("/youtube/v3/channels"):
            if one("key") != "test-key":
                return self.send(400, YOUTUBE_BAD_KEY)
            if one("forHandle"):
                # No such handle: no `items` key at all.
                return self.send(200, {"kind": "youtube#channelListResponse", "etag": "x",
                                       "pageInfo": {"totalResults": 0, "resultsPerPage": 5}})
            ids = one("id", "").split(",")
            items = [{"id": i, "snippet": {"title": "Channel " + i, "description": "about", "customUrl": "@" + i.lower(),
                                           "publishedAt": "2020-01-01T00:00:00Z",
                                           "thumbnails": {"default": {"url": "http://127.0.0.1:%d/avatar.png" % port}}},
                      "statistics": {"subscriberCount": "42", "hiddenSubscriberCount": False}} for i in ids]
            return self.send(200, {"items": items})
        if path.endswith("/res/v1/web/search"):
            if self.headers.get("X-Subscription-Token") != BRAVE_KEY:
                return self.send(422, {"type": "ErrorResponse", "error": {
                    "id": "c5f2a9e1-0000-4000-8000-000000000000", "status": 422, "code": "SUBSCRIPTION_TOKEN_INVALID",
                    "detail": "The provided subscription token is invalid.", "meta": {"component": "authentication"}},
                    "time": 1764600000})
            # The plan allows 1 request a second: count any that comes sooner.
            now = time.monotonic()
            with LOCK:
                if now - BRAVE_LAST[0] < 0.95:
                    STATS["brave_too_fast"] = STATS.get("brave_too_fast", 0) + 1
                BRAVE_LAST[0] = now
                used = STATS.get("brave_used", 0) + 1
                STATS["brave_used"] = used
            month = 2000
            headers = {"X-RateLimit-Limit": "1, 2000", "X-RateLimit-Policy": "1;w=1, 2000;w=2592000",
                       "X-RateLimit-Remaining": "0, %d" % max(0, month - used), "X-RateLimit-Reset": "1, 1419704"}
            query = one("q", "")
            body = {"type": "search", "query": {"original": query, "more_results_available": False},
                    "web": {"type": "search", "family_friendly": True, "results": brave_results(query)}}
            return self.send(200, body, headers=headers)
        if path == "/listing.jsonl":
            lines = ['{"platform":"x","id":"1","handle":"one"}', '{"platform":"x","id":"2","handle":"two"}',
                     '{"platform":"x","id":"3",', '{"platform":"x","id":"4","handle":"four"}']
            return self.send(200, "\n".join(lines) + "\n", ctype="application/x-ndjson",
                             headers={"ETag": '"listing-v1"'})
        if path == "/listing.csv":
            return self.send(200, "platform,id,handle,display_name\nfacebook,9,nine,Nine\n", ctype="text/csv")
        if path.startswith("/retry/"):
            key = path
            with LOCK:
                first = key not in SEEN
                SEEN.add(key)
            if first:
                if "date" in path:
                    # "/retry/skewed-date" plays a server whose clock is an hour slow: its Date header
                    # and its Retry-After agree with each other, not with ours.
                    self.clock_offset = -3600 if "skewed" in path else 0
                    until = int(time.time()) + 3
                    with LOCK:
                        STATS.setdefault("retry_until", {})[path] = float(until)
                    when = email.utils.formatdate(until + self.clock_offset, usegmt=True)
                    return self.send(503, {"error": "busy"}, headers={"Retry-After": when})
                return self.send(429, {"error": "slow down"}, headers={"Retry-After": "1"})
            return self.send(200, '{"platform":"x","id":"r","handle":"retried"}\n', ctype="application/x-ndjson")
        if path == "/always429":
            return self.send(429, {"error": "slow down"}, headers={"Retry-After": "0"})
        if path == "/stall":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x" * 10)
            self.wfile.flush()
            time.sleep(30)
            return
        if path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "500")
            self.end_headers()
            self.wfile.write(b'{"actors": [{"did": "did:plc:a", "handle": "a"}')
            self.wfile.flush()
            self.close_connection = True
            return
        if path == "/gzipbomb":
            with LOCK:
                if not BOMB:
                    BOMB.append(gzip.compress(b"\0" * (32 << 20), 9))
            return self.send(200, BOMB[0], headers={"Content-Encoding": "gzip"})
        if path == "/big":
            return self.send(200, b"a" * (3 << 20), ctype="text/plain")
        if path == "/bigchunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"b" * 65536
            for _ in range(48):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        if path == "/loop":
            return self.send(302, "", headers={"Location": "/loop"})
        if path == "/to-file":
            return self.send(302, "", headers={"Location": "file:///etc/passwd"})
        if path == "/to-metadata":
            return self.send(302, "", headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/to-loopback":
            return self.send(302, "", headers={"Location": "http://127.0.0.2:%d/avatar.png" % port})
        if path == "/avatar.png":
            if self.headers.get("If-None-Match") == '"avatar-v1"':
                with LOCK:
                    STATS["avatar_304"] += 1
                self.send_response(304)
                self.send_header("ETag", '"avatar-v1"')
                self.end_headers()
                return
            with LOCK:
                STATS["avatar_200"] += 1
            return self.send(200, PNG, ctype="image/png", headers={"ETag": '"avatar-v1"'})
        if path == "/avatar.html":
            return self.send(200, "<html></html>", ctype="text/html")
        if path == "/fake.png":
            return self.send(200, "hello", ctype="image/png")
        if path == "/link/profile":
            html = ('<html><head><title>ignored</title><meta property="og:title" content="Oakbridge Town Council &amp; Mayor">'
                    '<meta property="og:description" content="Claim your grant">'
                    '<meta name="twitter:image" content="http://127.0.0.1:%d/avatar.png">'
                    '<meta property="og:url" content="https://x.com/oakbridge_tc"></head></html>') % port
            return self.send(200, html, ctype="text/html; charset=utf-8")
        if path == "/link/instagram":
            # As Instagram writes them: "@" and "•" as character references.
            html = ('<html><head><meta property="og:type" content="profile">'
                    '<meta property="og:title" content="Oakbridge Town Council (&#064;oakbridge_tc) &#x2022; Instagram photos and videos">'
                    '<meta property="og:description" content="22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from Oakbridge Town Council (&#064;oakbridge_tc)">'
                    '<meta name="description" content="22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from Oakbridge Town Council (&#064;oakbridge_tc)">'
                    '<meta property="og:url" content="https://www.instagram.com/oakbridge_tc/"></head></html>')
            return self.send(200, html, ctype="text/html; charset=utf-8")
        if path == "/link/welsh":
            html = ('<html><head><meta property="og:title" content="Cyngor Tref Llangefni &ndash; Ynys M&ocirc;n">'
                    '<meta property="og:description" content="Croeso i&rsquo;r dudalen &hellip; G&wcirc;yl y D&wcirc;r, T&ycirc; &amp; Caf&eacute; '
                    '&pound;5 &ldquo;Cymraeg&rdquo; &copy; 2026 &bull; &unknown; &euro;">'
                    '<meta property="og:url" content="https://www.facebook.com/CyngorTrefLlangefni"></head></html>')
            return self.send(200, html, ctype="text/html; charset=utf-8")
        if path == "/problems/hostile":
            # X's problem shape, its detail written to break a log line or a terminal.
            detail = "Bad\x07 request\r\nX-Injected: yes\x1b[31m\u202e" + "A" * 1000
            return self.send(400, {"title": "Invalid Request", "detail": detail,
                                   "type": "https://api.twitter.com/2/problems/invalid-request"})
        if path == "/bench":
            # Requests of one group in flight at once, and the most there ever were.
            group = one("group", "")
            with LOCK:
                INFLIGHT[group] = INFLIGHT.get(group, 0) + 1
                peak = STATS.setdefault("peak_in_flight", {})
                peak[group] = max(peak.get(group, 0), INFLIGHT[group])
            # With `together=N`, hold each request until N of its group are in flight (or 5 s pass),
            # so a client that allows N at once shows it however slowly a loaded machine sends them.
            together, deadline = int(one("together", "0")), time.time() + 5
            while together and time.time() < deadline:
                with LOCK:
                    if INFLIGHT[group] >= together:
                        break
                time.sleep(0.01)
            time.sleep(int(one("ms", "20")) / 1000)
            with LOCK:
                INFLIGHT[group] -= 1
            n = one("n", "0")
            return self.send(200, '{"platform":"x","id":"b%s","handle":"bench%s"}\n' % (n, n), ctype="application/x-ndjson")
        return self.send(404, {"error": "not found"})


def _do_POST(self):
    length = int(self.headers.get("Content-Length", "0"))
    body = self.rfile.read(length)
    path = urlparse(self.path).path
    if path == "/echo":
        return self.send(200, {"method": self.command, "content_type": self.headers.get("Content-Type"),
                               "expect": self.headers.get("Expect"), "hex": body.hex()})
    if path == "/post-redirect":
        # A POST must not be replayed elsewhere: the client has to stop at this answer.
        return self.send(303, {"see": "/echo"}, headers={"Location": "/echo"})
    return self.send(404, {"error": "not found"})


Handler.do_POST = _do_POST


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # the default of 5 drops connections under load


def main():
    lifetime.tie_to_test()
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    lifetime.announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
