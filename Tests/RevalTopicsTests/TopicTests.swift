import Testing
import RevalCore
import RevalTopics

/// The Topic and Topics value types.
@Suite("Topic and Topics")
struct TopicTests {
    @Test("fields keep their order; the subscript gives the first of a name")
    func fields() {
        let topic = Topic(id: "7", fields: ["title": "a", "desc": "b", "title": "c"])
        #expect(topic.fields == [TopicField("title", "a"), TopicField("desc", "b"), TopicField("title", "c")])
        #expect(topic[field: "title"] == "a")
        #expect(topic[field: "desc"] == "b")
        #expect(topic[field: "narr"] == nil)
    }

    @Test("equality compares id and fields in order")
    func equality() {
        #expect(Topic(id: "1", fields: ["a": "x", "b": "y"]) == Topic(id: "1", fields: ["a": "x", "b": "y"]))
        #expect(Topic(id: "1", fields: ["a": "x", "b": "y"]) != Topic(id: "1", fields: ["b": "y", "a": "x"]))
        #expect(Topic(id: "1", fields: ["a": "x"]) != Topic(id: "2", fields: ["a": "x"]))
    }

    @Test("Topics keeps file order, finds by id, refuses a repeated id")
    func topics() {
        var topics = Topics()
        let added = [
            topics.append(Topic(id: "10", fields: ["text": "ten"])),
            topics.append(Topic(id: "2", fields: ["text": "two"])),
            topics.append(Topic(id: "10", fields: ["text": "again"])),
        ]
        #expect(added == [true, true, false])
        #expect(topics.count == 2)
        #expect(topics.ids == ["10", "2"])
        #expect(topics[id: "10"]?[field: "text"] == "ten")
        #expect(topics[id: "3"] == nil)
        #expect(topics[1].id == "2")
    }
}
