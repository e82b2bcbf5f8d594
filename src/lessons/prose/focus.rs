//! Lesson `focus`: client-server is about information sharing, peer-to-peer
//! about connectivity. Finding data: a central index vs flooding.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "Client-server is built for sharing information: the data, and the knowledge of where it \
            is, sit in one place. Peer-to-peer is built on connectivity: peers link to each other, and \
            finding something means asking along those links.",
    explanation: &[
        "Before you can use data you have to find it. In client-server the answer is simple: ask the \
         server. One request, one reply. A central index works the same way even when the data lives \
         elsewhere, because it keeps a list of which item is where.",
        "A pure peer-to-peer network has no such list. Each peer knows only its neighbours in the \
         overlay, the network of links the peers keep among themselves. To find an item, a peer can \
         flood: send the query to its neighbours, who pass it to theirs, and so on. Early versions of \
         Gnutella searched this way.",
        "A time-to-live (TTL) limits how many hops a query may travel. A small TTL keeps the cost down \
         but may not reach any peer holding the item. A large TTL reaches more peers, but every peer \
         reached forwards the query to its other neighbours, so the number of messages grows quickly \
         with each hop.",
        "More copies of each item help as well: the more peers hold it, the fewer hops a query needs to \
         meet one of them.",
    ],
    diagram_caption: "On the left, the centre of the star holds the index, so any client reaches it in one \
                      hop; on the right, a query must hop from neighbour to neighbour across the mesh to \
                      reach the peers that hold an item.",
    experiment_intro: "Both panels search the same 50 peers, each linked to about 4 others at random, with \
                       each item held by some of them. On the left, every search is one question to a \
                       central index and one answer: 2 messages, and an item that exists is always found. \
                       On the right the query floods: each peer forwards it once, for at most \"Search \
                       radius (TTL)\" hops (1 to 7). \"Copies of each item\" (1 to 10) sets how many peers \
                       hold each item. Watch the hit rate and the messages per search.",
    task_prompt: "Make flooding find the item in at least 95% of searches. Then compare its messages per \
                  search with the index's 2.",
    hints: &[
        "With a TTL of 1, a query reaches only the searcher's direct neighbours: about 4 peers out of \
         50. How likely is one of them to hold the item?",
        "Each extra hop multiplies the number of peers reached, roughly by 3 (every link except the one \
         the query came in on). Raise the TTL one step at a time and watch the hit rate. More copies \
         help too.",
        "With 2 copies, a TTL of about 4 or 5 reaches most of the 50 peers. Raise the TTL until the hit \
         rate stays at 95% or above, then read off the messages per search.",
    ],
    success: "Flooding now finds almost everything, but look at the price: many messages per search \
              against the index's 2, and every peer that forwards the query pays part of it.",
    quiz: &[
        Question {
            prompt: "Before you run it: with 2 copies of each item, what happens to the messages per \
                     search when you raise the TTL from 2 to 5?",
            options: &[
                "It stays the same",
                "It grows several times over",
                "It falls, because the item is found sooner",
            ],
            correct: 1,
            explanation: "Each extra hop lets every newly reached peer forward the query to its other \
                          neighbours, so the count grows quickly until the flood has reached most of the \
                          50 peers and runs out of new ones. A hit does not call back the copies of the \
                          query already on their way.",
        },
        Question {
            prompt: "Why does the central index always find an item that exists?",
            options: &[
                "It keeps a record of where every item is, so one question gets a complete answer",
                "It floods the network with an unlimited TTL",
                "It stores three copies of every item",
            ],
            correct: 0,
            explanation: "The index does not search at all: it already knows where everything is. That is \
                          why a lookup costs exactly 2 messages, a question and an answer, whatever the \
                          size of the network.",
        },
        Question {
            prompt: "You want flooding to find items more often without raising the TTL. What helps?",
            options: &[
                "Fewer copies of each item",
                "Fewer links per peer",
                "Making each peer forward the query only to one neighbour",
                "More copies of each item, so a nearby peer is more likely to hold one",
            ],
            correct: 3,
            explanation: "With more copies spread over the peers, the few peers a short flood reaches are \
                          more likely to include a holder. Fewer links or less forwarding shrinks the \
                          part of the network a flood can reach.",
        },
    ],
    takeaway: "A central index finds anything that exists with two messages. Flooding trades messages for \
               reach: it finds an item only if the TTL and the number of copies let the query get to a \
               peer that holds it.",
    nuance: "The experiment shows the cost of the pure design: to reach 95% the flood needs many times the \
             index's 2 messages per search. Flooding is not the only peer-to-peer search, though. Hybrid \
             designs keep peer-to-peer transfer but add a directory: Napster's central index, BitTorrent's \
             trackers, or super-peers that index their neighbours, as Skype and later Gnutella versions \
             did. Structured overlays (distributed hash tables) find an item in a number of hops that \
             grows only with the logarithm of the network's size, with no index at all.",
};
