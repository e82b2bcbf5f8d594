//! Lesson `network-size`: client-server suits small and large networks,
//! peer-to-peer "fewer than 10 computers". Administering a workgroup.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "Client-server suits networks of any size, while peer-to-peer suits fewer than about 10 \
            computers. The reason is administration: who sets up the shares and accounts, and how that \
            work grows.",
    explanation: &[
        "In a small office or home workgroup, each computer shares its own folders and printers, and its \
         owner decides who may use them. To let every colleague in, each computer needs an account or a \
         permission for every other user. With N computers that is N − 1 entries on each machine, and \
         N(N − 1) in all.",
        "N(N − 1) grows fast: 12 entries for 4 computers, 90 for 10, 2,450 for 50. Every new colleague or \
         changed password has to be repeated on every machine. Mistakes creep in, and nobody has a full \
         picture of who can reach what.",
        "With a server, each user has one account, kept in one place, and permissions are set there. The \
         work grows like N: one more user means one more account. But the server needs upkeep of its own, \
         a fixed cost that is not worth paying for just a handful of computers.",
    ],
    diagram_caption: "On the left, each computer has one link, to the server where its single account is \
                      kept; on the right, each computer in the mesh must keep accounts and permissions for \
                      the others, so the work multiplies as computers are added.",
    experiment_intro: "This lesson uses an administration model. Change \"Computers\" (2 to 50). Without a \
                       server, each owner manages shares and accounts for every other computer, so the \
                       effort grows like N(N − 1). With a server there is one account per user, kept \
                       centrally, so the effort grows like N, plus the server's own fixed upkeep. The chart \
                       plots administration hours per month against N for both.",
    task_prompt: "Find the smallest number of computers at which a server means less administration than a \
                  workgroup.",
    hints: &[
        "At 4 computers, which line is lower? Where does the server's extra work come from when there are \
         so few users?",
        "The workgroup's line curves upward, like N(N − 1); the server's is a straight line that starts \
         higher. Raise \"Computers\" one at a time and watch for the lines to cross.",
        "With the default settings the lines cross close to 10 computers. Step through the values around \
         there and pick the first N at which the server's hours are lower.",
    ],
    success: "From this size on, a server saves work, and the gap widens quickly as N grows. That is the \
              sense of \"peer-to-peer suits fewer than 10 computers\".",
    quiz: &[
        Question {
            prompt: "Before you run it: going from 10 to 20 computers, roughly how does the workgroup's \
                     administration change?",
            options: &["It doubles", "It stays the same", "It roughly quadruples", "It halves"],
            correct: 2,
            explanation: "The entries go from 10 × 9 = 90 to 20 × 19 = 380, about 4.2 times as many. \
                          Doubling N roughly quadruples N(N − 1), while the server's per-user work only \
                          doubles.",
        },
        Question {
            prompt: "Why does a workgroup of N computers need N(N − 1) account entries?",
            options: &[
                "Each of the N computers needs an entry for each of the other N − 1 users",
                "Each user needs two passwords",
                "A server keeps a copy of every account",
            ],
            correct: 0,
            explanation: "Every computer is managed on its own, so each one must list everyone else who may \
                          use it: N − 1 entries, on N computers. There is no server in a workgroup to hold \
                          a single shared list.",
        },
        Question {
            prompt: "BitTorrent swarms can have thousands of peers. Why does the \"fewer than 10 \
                     computers\" rule not apply to them?",
            options: &[
                "Swarms never have more than 10 peers at a time",
                "The software does the administration: peers find each other and exchange pieces with no \
                 accounts set up by hand",
                "Every swarm sends all its data through one central server",
            ],
            correct: 1,
            explanation: "The N(N − 1) effort is people's time spent on accounts and shares. In a swarm \
                          nobody sets up accounts: the software finds peers through a tracker or a \
                          distributed hash table and trades pieces automatically, and the data itself goes \
                          peer to peer.",
        },
    ],
    takeaway: "When people administer each computer by hand, a peer-to-peer workgroup's work grows like \
               N(N − 1) and overtakes a server's (N plus a fixed upkeep) at around ten computers.",
    nuance: "The rule \"fewer than 10 computers\" is about hand-run workgroups, where the N(N − 1) effort is \
             people's time. BitTorrent swarms with thousands of peers are peer-to-peer too, because the \
             software does that administration: nobody sets up accounts, and peers find each other through \
             trackers or a distributed hash table. The crossing point in the chart also depends on the \
             model's assumptions: cheaper server upkeep would bring it down, and simpler sharing would push \
             it up.",
};
