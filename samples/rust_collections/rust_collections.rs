// HashMap and HashSet with RandomState (keys from the system generator: BCryptGenRandom),
// BTreeMap, VecDeque, BinaryHeap, sort and dedup: outputs in an order that does not depend on
// the hash keys.
use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::hash::{BuildHasher, Hasher};

fn main() {
    let text = "the quick brown fox jumps over the lazy dog the fox";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut pairs: Vec<_> = counts.iter().collect();
    pairs.sort();
    println!("words: {:?}", pairs);
    println!("the: {}, cat: {:?}", counts["the"], counts.get("cat"));

    let set: HashSet<u32> = (0..1000).map(|x| x * x % 97).collect();
    println!("distinct squares mod 97: {}", set.len());

    let a = RandomState::new();
    let b = RandomState::new();
    let hash = |s: &RandomState| { let mut h = s.build_hasher(); h.write_u64(12345); h.finish() };
    println!("same state hashes equal: {}", hash(&a) == hash(&a));
    println!("two states differ: {}", hash(&a) != hash(&b));

    let mut tree = BTreeMap::new();
    for (i, w) in text.split_whitespace().enumerate() { tree.insert(w, i); }
    println!("btree: {:?}", tree);

    let mut dq: VecDeque<i32> = (1..=5).collect();
    dq.rotate_left(2);
    dq.push_front(0);
    println!("deque: {:?}", dq);

    let mut heap: BinaryHeap<i32> = vec![5, 1, 8, 3, 9, 2].into_iter().collect();
    let mut top = vec![];
    while let Some(x) = heap.pop() { top.push(x); }
    println!("heap: {:?}", top);

    let mut v = vec![3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    v.sort_unstable();
    v.dedup();
    println!("sorted: {:?}", v);
}
