//! Extraction throughput (MB/s) on the committed fixture articles.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use stance::extract::Extractor;

/// Invented articles: a ceasefire wire story, a hard-wrapped dock-strike
/// story, and a trade fight quoted with « ».
const ARTICLES: &[(&str, &str)] = &[
    (
        "ceasefire-talks",
        include_str!("../examples/articles/ceasefire-talks.txt"),
    ),
    (
        "dock-strike",
        include_str!("../examples/articles/dock-strike.txt"),
    ),
    (
        "trade-fight",
        include_str!("../examples/articles/trade-fight.txt"),
    ),
];

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    for (name, article) in ARTICLES {
        assert!(
            !extractor.extract(article).is_empty(),
            "{name} has statements"
        );
        group.throughput(Throughput::Bytes(article.len() as u64));
        group.bench_function(*name, |b| b.iter(|| extractor.extract(black_box(article))));
    }
    let all: String = ARTICLES
        .iter()
        .map(|(_, a)| *a)
        .collect::<Vec<_>>()
        .join("\n\n");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("all", |b| b.iter(|| extractor.extract(black_box(&all))));
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
