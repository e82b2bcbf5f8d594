use crate::experiment::bench::SERVICE;
use crate::experiment::{Metric, Pair, Params};

#[test]
fn failing_the_server_mid_run_fails_requests_and_reviving_it_recovers() {
    let Pair([mut central, _]) = SERVICE.start(&Params::default(), 1).unwrap();
    assert!(central.can_fail());
    central.advance_to(10.0, u64::MAX);
    assert_eq!(central.toggle(0), Some(false), "the server goes down");
    central.advance_to(20.0, u64::MAX);
    let failed_while_down = SERVICE.measure(central.as_ref()).get(Metric::FailedShare).unwrap();
    assert!(failed_while_down > 0.1, "requests fail while the server is down: {failed_while_down}");
    // The latency line does not fall while answers stop: it is unbounded.
    let curve = central.curve(crate::experiment::side::Curve::P95Window);
    assert!(curve.iter().filter(|p| p.0 <= 10.0).all(|p| p.1.is_finite()), "bounded before the failure");
    assert!(curve.iter().any(|p| p.0 > 10.0 && p.1 == f64::INFINITY), "unbounded after it: {curve:?}");
    assert_eq!(central.toggle(0), Some(true), "and comes back");
    assert_eq!(central.toggle(9_999), None, "no such node");
}

#[test]
fn an_overloaded_server_is_drawn_with_its_queue_and_a_quick_one_without() {
    use crate::experiment::view::NetView;
    use crate::experiment::Param;
    let waiting = |capacity: f64| {
        let params = Params::from_pairs(&[(Param::ServerCapacity, capacity)]);
        let Pair([mut central, _]) = SERVICE.start(&params, 1).unwrap();
        central.advance_to(30.0, u64::MAX);
        let mut view = NetView::default();
        central.draw(&mut view);
        assert_eq!(view.queues.len(), view.nodes.len(), "a queue for every node");
        view.waiting()
    };
    // Demand is about 100 requests a second: at 60 the queue only grows.
    let (slow, quick) = (waiting(60.0), waiting(400.0));
    assert!(slow > 100, "an overloaded server's queue: {slow}");
    assert!(quick < 10, "a server with room to spare: {quick}");
}
