#!/usr/bin/python3
"""The Python peer Drishti is compared with: scikit-learn's documented text-clustering recipe.

Usage: peer_sklearn.py CORPUS.jsonl K [--seed N]

TF-IDF (a Devanagari-aware token pattern, sublinear tf, min_df=2, max_df=0.5) ->
TruncatedSVD(100) -> Normalizer -> KMeans(K, n_init=10). Prints one JSON line with the time of
each step. Written for this project from scikit-learn's documentation; needs Debian's
python3-sklearn.
"""
import argparse, json, re, time, unicodedata

from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import Normalizer

WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097F]+")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("k", type=int)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    t0 = time.perf_counter()
    with open(a.corpus, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    docs = [(r.get("title") or "") + "\n" + (r.get("text") or "") for r in rows]
    t1 = time.perf_counter()

    def tokens(text):
        return WORD.findall(unicodedata.normalize("NFC", text).lower())

    X = TfidfVectorizer(tokenizer=tokens, lowercase=False, token_pattern=None,
                        sublinear_tf=True, min_df=2, max_df=0.5).fit_transform(docs)
    t2 = time.perf_counter()
    Z = Normalizer(copy=False).fit_transform(TruncatedSVD(100, random_state=a.seed).fit_transform(X))
    t3 = time.perf_counter()
    KMeans(n_clusters=a.k, n_init=10, random_state=a.seed).fit(Z)
    t4 = time.perf_counter()
    print(json.dumps({"docs": len(docs), "read_s": round(t1 - t0, 2), "tfidf_s": round(t2 - t1, 2),
                      "svd_s": round(t3 - t2, 2), "kmeans_s": round(t4 - t3, 2), "total_s": round(t4 - t0, 2)}))


if __name__ == "__main__":
    main()
