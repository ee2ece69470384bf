use std::time::{Duration, Instant};
#[test]
fn latency() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("n.txt");
    std::fs::write(&f, "8.22\n").unwrap();
    let w = daynotes::watch::Watcher::new(&f, false).unwrap();
    while w.wait(Duration::from_millis(300)) {}
    let mut v = vec![];
    for i in 0..10 {
        let t = Instant::now();
        if i % 2 == 0 { std::fs::write(&f, format!("8.22\n    {i}.x\n")).unwrap(); }
        else { let tmp = dir.path().join("t~"); std::fs::write(&tmp, "x").unwrap(); std::fs::rename(&tmp, &f).unwrap(); }
        assert!(w.wait(Duration::from_secs(5)));
        v.push(t.elapsed().as_millis());
        while w.wait(Duration::from_millis(200)) {}
    }
    eprintln!("latency ms: {v:?}");
    let big = "x".repeat(240 * 1024);
    let t = Instant::now();
    for _ in 0..100 { let _ = daynotes::clipboard::osc52(&big[..100*1024]); }
    eprintln!("osc52 100KB: {:?} each", t.elapsed() / 100);
}
