//! Lesson `service`: the server answers clients' requests; in peer-to-peer
//! each node requests and provides. Load, queues and latency.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "In client-server, the server provides the service and the clients only use it. In \
            peer-to-peer, each node both requests services and provides them, so the work is shared.",
    explanation: &[
        "A server can answer only so many requests per second: its service rate, μ. Requests arrive at \
         some rate, λ. When they arrive faster than they are answered, they wait in a queue. The share of \
         time the server is busy is its utilisation, ρ = λ/μ.",
        "For one server with random (Poisson) arrivals and random service times, the M/M/1 queue, the \
         mean response time is W = 1/(μ − λ). With λ = 100 and μ = 105 requests per second that is 1/5 s \
         = 200 ms; with μ = 200 it is 10 ms. Waiting explodes as ρ approaches 1.",
        "Why so sharply? Requests arrive in bursts. A server with little spare capacity has almost no idle \
         time in which to catch up after a burst, so the queue left by one burst is still there when the \
         next one comes.",
        "In peer-to-peer, every node that asks can also answer, so the same requests are spread over many \
         servers, each of them lightly loaded.",
    ],
    diagram_caption: "On the left, the requests of every client converge on the one server at the centre of \
                      the star, where they queue; on the right, the same requests are spread across all the \
                      peers of the mesh.",
    experiment_intro: "50 clients send requests at random (Poisson) times, about 100 per second in total. \
                       In client-server they all go to one server, which answers them in turn from a queue; \
                       in peer-to-peer, 50 peers each answer a share. \"Server capacity (requests per \
                       second)\" sets the server's service rate μ, from 50 to 400; it starts at 105, just \
                       above the arrival rate. The charts show latency over time (p50, the median, and p95, \
                       which 95% of requests beat) and the length of the queue.",
    task_prompt: "Keep the client-server p95 latency under 100 ms with 50 clients, by raising the server's \
                  capacity.",
    hints: &[
        "Press play at the start and watch the queue. At 105 requests per second the server is busy about \
         95% of the time (ρ = 100/105). What does the p95 line do?",
        "Waiting depends on the spare capacity μ − λ, not on μ alone. Raise the capacity in steps and see \
         how fast the latency falls as the gap opens up.",
        "For this queue the p95 is about three times the mean 1/(μ − λ), so p95 under 100 ms needs μ − λ \
         above about 30. Try a capacity of 150 and let the chart settle.",
    ],
    success: "The server keeps up now, with room to absorb bursts. Its capacity had to be well above the \
              average load, not just equal to it; the peer-to-peer panel spread the same requests over 50 \
              machines instead.",
    quiz: &[
        Question {
            prompt: "Before you run it: the server's capacity is set to 50 requests per second, while \
                     about 100 arrive each second. What happens to the queue?",
            options: &[
                "It settles at about 50 requests",
                "It is empty about half the time",
                "It keeps growing for as long as the run lasts",
            ],
            correct: 2,
            explanation: "With λ greater than μ, ρ is above 1: on average about 50 more requests arrive each \
                          second than leave. There is no steady state, so the queue and the latency grow \
                          without limit. The formula W = 1/(μ − λ) only holds when μ > λ.",
        },
        Question {
            prompt: "A server answers μ = 105 requests per second and receives λ = 100. Using the M/M/1 \
                     formula, what is the mean response time?",
            options: &["About 10 ms", "200 ms", "About 1 ms", "95 ms"],
            correct: 1,
            explanation: "W = 1/(μ − λ) = 1/(105 − 100) s = 1/5 s = 200 ms. The server is idle only \
                          1 − ρ ≈ 5% of the time, so most requests find others waiting ahead of them.",
        },
        Question {
            prompt: "Why does doubling the capacity from 105 to 210 cut the mean response time by far more \
                     than half?",
            options: &[
                "W = 1/(μ − λ) depends on the spare capacity, which grows from 5 to 110 per second",
                "The clients send fewer requests to a faster server",
                "It doesn't: doubling the capacity halves the response time exactly",
            ],
            correct: 0,
            explanation: "The mean response time goes from 1/5 s = 200 ms to 1/110 s ≈ 9 ms, more than 20 \
                          times shorter. Near saturation, a small gain in spare capacity pays off hugely; \
                          far from it, extra capacity helps little.",
        },
    ],
    takeaway: "A single server's latency depends on its spare capacity: as the utilisation ρ = λ/μ nears 1, \
               waiting times explode. Spreading requests over many nodes keeps each of them lightly \
               loaded.",
    nuance: "Client-server can keep up, as you showed, by buying capacity well ahead of the load, and large \
             services spread one \"server\" over many machines behind a load balancer. Peer-to-peer spreads \
             the load for free only while the peers that can answer are online and hold what is asked for. \
             A popular item held by only a few peers gives those peers the same queue the server had.",
};
