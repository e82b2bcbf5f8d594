//! A request's life: issued, sent (via the index in hybrid), queued,
//! served, answered; or dropped, failed or redirected on the way.

use super::*;

impl ServiceSim {
    pub(super) fn on_arrival(&mut self) {
        self.schedule_arrival();
        // Merging every asker into one stream and picking the asker after
        // the fact is the same Poisson process; a down asker simply skips.
        let user = self.arrivals.below(self.s.users);
        let item = self.arrivals.below(self.s.items);
        let from = self.s.user_node(user);
        if !self.is_up(from) {
            return;
        }
        if self.holds(from, item) {
            self.counters.local_hits += 1;
            return;
        }
        self.counters.issued += 1;
        self.counters.in_flight += 1;
        if let Some(n) = self.nodes.get_mut(from.index()) {
            n.issued += 1;
        }
        let req = Req { from, item, issued_at: self.now };
        match self.s.architecture {
            // The client cannot know the server is down until it tries.
            Architecture::ClientServer => self.send(Payload::Request, from, NodeId(0), req),
            Architecture::Hybrid => self.send(Payload::IndexQuery, from, NodeId(0), req),
            Architecture::PeerToPeer => match self.choose_holder(item) {
                Some(h) => self.send(Payload::Request, from, h, req),
                None => self.fail(),
            },
        }
    }

    /// Message `msg` arrives: it leaves the wire and is handled.
    pub(super) fn on_deliver(&mut self, msg: u64) {
        let Some(m) = self.messages.remove(msg) else { return };
        let to_up = self.is_up(m.to);
        match m.payload {
            Payload::IndexQuery => {
                if !to_up {
                    return self.fail();
                }
                if let Some(n) = self.nodes.get_mut(m.to.index()) {
                    n.lookups += 1;
                }
                match self.choose_holder(m.req.item) {
                    Some(holder) => self.send(Payload::IndexAnswer { holder }, m.to, m.from, m.req),
                    None => self.fail(),
                }
            }
            Payload::IndexAnswer { holder } => {
                if !to_up {
                    return self.fail();
                }
                self.send(Payload::Request, m.to, holder, m.req);
            }
            Payload::Request => {
                if !to_up {
                    return self.redirect(m.req);
                }
                self.admit(m.to, m.req);
            }
            Payload::Response => {
                if !to_up {
                    return self.fail();
                }
                self.complete(m.req);
            }
        }
    }

    pub(super) fn admit(&mut self, node: NodeId, req: Req) {
        let capacity = self.s.queue_capacity as usize;
        let Some(n) = self.nodes.get_mut(node.index()) else { return self.fail() };
        if (n.in_service.len() as u64) < u64::from(n.workers) {
            self.start_service(node, req);
        } else if n.queue.len() < capacity {
            n.queue.push_back(req);
            n.longest_queue = n.longest_queue.max(n.queue.len() as u32);
        } else {
            self.counters.dropped += 1;
            self.counters.in_flight = self.counters.in_flight.saturating_sub(1);
            self.unanswered.push_back(self.now);
        }
    }

    pub(super) fn start_service(&mut self, node: NodeId, req: Req) {
        let job = self.next_id;
        self.next_id += 1;
        let Some(rate) = self.nodes.get(node.index()).map(|n| n.rate) else { return };
        let took = SimDuration::from_secs_f64_ceil(self.service.exponential(1.0 / rate));
        let now = self.now;
        let Some(n) = self.nodes.get_mut(node.index()) else { return };
        n.account(now);
        n.in_service.push((job, req));
        let epoch = n.epoch;
        self.events.push(now + took, Event::ServiceDone { node, job, epoch });
    }

    pub(super) fn on_service_done(&mut self, node: NodeId, job: u64, epoch: u32) {
        let now = self.now;
        let Some(n) = self.nodes.get_mut(node.index()) else { return };
        if n.epoch != epoch {
            return;
        }
        let Some(pos) = n.in_service.iter().position(|(j, _)| *j == job) else { return };
        n.account(now);
        let (_, req) = n.in_service.swap_remove(pos);
        n.served += 1;
        let next = n.queue.pop_front();
        self.send(Payload::Response, node, req.from, req);
        if let Some(waiting) = next {
            self.start_service(node, waiting);
        }
    }

    pub(super) fn complete(&mut self, req: Req) {
        let latency = self.now.since(req.issued_at).0;
        if req.issued_at >= self.warmup_end {
            self.latencies.push(latency);
            self.histogram.record(latency);
        }
        self.window.push_back((self.now, latency));
        self.counters.completed += 1;
        self.counters.in_flight = self.counters.in_flight.saturating_sub(1);
    }

    pub(super) fn fail(&mut self) {
        self.counters.failed += 1;
        self.counters.in_flight = self.counters.in_flight.saturating_sub(1);
        self.unanswered.push_back(self.now);
    }

    /// A request whose serving node is down: client-server has nowhere
    /// else to go; peers (and the hybrid's asker) try another live holder.
    pub(super) fn redirect(&mut self, req: Req) {
        let index_down = self.s.architecture == Architecture::Hybrid && !self.is_up(NodeId(0));
        if self.s.architecture == Architecture::ClientServer || index_down || !self.is_up(req.from) {
            return self.fail();
        }
        match self.choose_holder(req.item) {
            Some(h) => {
                self.counters.retries += 1;
                self.send(Payload::Request, req.from, h, req);
            }
            None => self.fail(),
        }
    }

    pub(super) fn send(&mut self, payload: Payload, from: NodeId, to: NodeId, req: Req) {
        let arrive_at = self.now + self.hop;
        let msg = self.messages.push(Message { payload, from, to, sent_at: self.now, arrive_at, req });
        self.events.push(arrive_at, Event::Deliver { msg });
    }

    pub(super) fn holds(&self, node: NodeId, item: u32) -> bool {
        self.holders.get(item as usize).is_some_and(|h| h.contains(&node))
    }

    /// A live holder of `item`, by the scenario's policy.
    pub(super) fn choose_holder(&mut self, item: u32) -> Option<NodeId> {
        let holders = self.holders.get(item as usize)?;
        let live = holders.iter().copied().filter(|h| self.nodes.get(h.index()).is_some_and(|n| n.up));
        match self.s.holder_choice {
            HolderChoice::Random => {
                let live: Vec<NodeId> = live.collect();
                let pick = self.choice.below(live.len() as u32);
                live.get(pick as usize).copied()
            }
            HolderChoice::LeastLoaded => {
                let mut best: Option<(u64, NodeId)> = None;
                let mut ties = 0u32;
                for h in live {
                    let load = self.nodes.get(h.index()).map_or(u64::MAX, Station::load);
                    match best {
                        Some((b, _)) if load > b => {}
                        Some((b, _)) if load == b => {
                            // Reservoir sampling: each tied holder equally likely.
                            ties += 1;
                            if self.choice.below(ties) == 0 {
                                best = Some((load, h));
                            }
                        }
                        _ => {
                            best = Some((load, h));
                            ties = 1;
                        }
                    }
                }
                best.map(|(_, h)| h)
            }
        }
    }
}
