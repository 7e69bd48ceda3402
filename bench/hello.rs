//! The start floor of the benchmark: a process that only prints a line.

fn main() {
    println!("hello");
}
