//! Lesson `stability`: client-server "more stable", peer-to-peer "less
//! stable". Faults, churn and availability over time.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "Client-server is more stable: one well-run server is up almost all the time. Peer-to-peer is \
            less stable: peers come and go, and what they hold goes with them.",
    explanation: &[
        "A server is usually a dedicated machine, kept running by people whose job that is. Clients can \
         come and go without affecting anyone else. But everything depends on that one machine: if it \
         fails, every client loses the service at once. A part whose failure alone stops the whole system \
         is called a single point of failure.",
        "Peers are ordinary computers, which their owners switch off, put to sleep or carry away. Peers \
         joining and leaving all the time is called churn. A file held by just one peer is available only \
         while that peer is online.",
        "Copies fix this. If each peer is online half the time (a = 0.5), independently of the others, a \
         file with r copies is missing only when all r holders are offline, which has probability 0.5^r. \
         Its availability is 1 − (1 − a)^r = 1 − 0.5^r: 50% with one copy, 75% with two, 87.5% with three, \
         and above 99% from seven.",
    ],
    diagram_caption: "On the left, every client hangs on the one server at the centre of the star, so if it \
                      fails all of them are cut off; on the right, the file is copied on several peers of \
                      the mesh, so it stays reachable while any one of them is online.",
    experiment_intro: "In the peer-to-peer panel, peers come and go, each online half the time on average, \
                       and \"Copies of the file\" (1 to 10) sets how many of them hold the file. In the \
                       client-server panel, one server holds it, and \"Fail the server\" takes that server \
                       down. The chart shows the file's availability over time in both networks.",
    task_prompt: "Raise the copies until the file is available at least 99% of the time in the swarm. Then \
                  fail the server and watch what happens to the client-server file.",
    hints: &[
        "With one copy the file is there only while its single holder is online: about half the time. \
         What changes when a second peer holds it too?",
        "The file is missing only when every holder is offline at once. With a = 0.5 that chance is \
         0.5^r. Find the r that makes it 1% or less.",
        "0.5^6 ≈ 1.6% and 0.5^7 ≈ 0.8%: set \"Copies of the file\" to 7 or more, let the chart run, then \
         press \"Fail the server\".",
    ],
    success: "The swarm now keeps the file available while peers leave all the time, and the client-server \
              file vanished the moment its one server failed. Stability comes from redundancy, not from \
              the architecture's name.",
    quiz: &[
        Question {
            prompt: "Before you run it: with 7 copies in the swarm, what happens to each network's \
                     availability when you fail the server?",
            options: &[
                "Both drop to zero",
                "Client-server drops to zero; the swarm carries on",
                "The swarm drops to zero; client-server carries on",
                "Neither changes",
            ],
            correct: 1,
            explanation: "The server is the only holder of the client-server file, so failing it makes the \
                          file unavailable to every client: a single point of failure. The swarm never \
                          depended on that server, and its availability stays near 1 − 0.5^7 ≈ 99.2%.",
        },
        Question {
            prompt: "Peers are each online half the time, independently. What is the availability of a \
                     file with 3 copies?",
            options: &["50%", "75%", "87.5%", "150%"],
            correct: 2,
            explanation: "All three holders are offline together with probability 0.5 × 0.5 × 0.5 = 0.125, \
                          so the file is available 1 − 0.125 = 87.5% of the time. Availabilities do not \
                          add; the chances of being missing multiply.",
        },
        Question {
            prompt: "What is a single point of failure?",
            options: &[
                "A part whose failure alone stops the whole service",
                "A peer that leaves the network",
                "A fault that happens only once",
            ],
            correct: 0,
            explanation: "If one component is needed for everything and has no backup, its failure is \
                          enough to stop the service. A peer leaving a well-replicated swarm is not one, \
                          because other copies remain.",
        },
    ],
    takeaway: "A well-run server is reliable, but it is a single point of failure. Peers are individually \
               unreliable, yet enough independent copies make a file more available than any one machine.",
    nuance: "The claim \"less stable\" is true of a file held by one peer: the experiment shows about 50% \
             availability. With 7 copies the swarm passed 99%, and it carried on when the server failed. \
             The formula assumes peers leave independently; a power cut, or a file going out of fashion, \
             takes many copies away at once. Large services avoid the single point of failure with \
             replicated servers, and hybrid systems still rely on their tracker or index to find the copies.",
};
