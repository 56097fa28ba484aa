-- saksi schema, version 2: full-text search (SQLite FTS5) over claims, articles, entity mentions and events.
--
-- Each index is an external-content FTS5 table over its source table (it stores only the index; the
-- text is read from the source row by rowid). Triggers keep every index in step with its source as
-- rows are inserted, updated or deleted -- including the cascading deletes when an article is
-- replaced or removed -- so no rebuild is needed after a run. The 'rebuild' commands below index the
-- rows stored before this migration. (VACUUM may renumber the rowids of tables without an INTEGER
-- PRIMARY KEY: after a VACUUM, run saksi.web.search.rebuild_search(conn).)

CREATE VIRTUAL TABLE search_claims USING fts5(
    quote, sentence, object, action, actor, recipient, attributed_to, stance,
    content='claims', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO search_claims(rowid, quote, sentence, object, action, actor, recipient, attributed_to, stance)
    VALUES (new.rowid, new.quote, new.sentence, new.object, new.action, new.actor, new.recipient, new.attributed_to, new.stance);
END;
CREATE TRIGGER search_claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO search_claims(search_claims, rowid, quote, sentence, object, action, actor, recipient, attributed_to, stance)
    VALUES ('delete', old.rowid, old.quote, old.sentence, old.object, old.action, old.actor, old.recipient, old.attributed_to, old.stance);
END;
CREATE TRIGGER search_claims_au AFTER UPDATE ON claims BEGIN
    INSERT INTO search_claims(search_claims, rowid, quote, sentence, object, action, actor, recipient, attributed_to, stance)
    VALUES ('delete', old.rowid, old.quote, old.sentence, old.object, old.action, old.actor, old.recipient, old.attributed_to, old.stance);
    INSERT INTO search_claims(rowid, quote, sentence, object, action, actor, recipient, attributed_to, stance)
    VALUES (new.rowid, new.quote, new.sentence, new.object, new.action, new.actor, new.recipient, new.attributed_to, new.stance);
END;

CREATE VIRTUAL TABLE search_articles USING fts5(
    name, title, outlet, author, body,
    content='articles', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_articles(rowid, name, title, outlet, author, body)
    VALUES (new.rowid, new.name, new.title, new.outlet, new.author, new.body);
END;
CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO search_articles(search_articles, rowid, name, title, outlet, author, body)
    VALUES ('delete', old.rowid, old.name, old.title, old.outlet, old.author, old.body);
END;
CREATE TRIGGER search_articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO search_articles(search_articles, rowid, name, title, outlet, author, body)
    VALUES ('delete', old.rowid, old.name, old.title, old.outlet, old.author, old.body);
    INSERT INTO search_articles(rowid, name, title, outlet, author, body)
    VALUES (new.rowid, new.name, new.title, new.outlet, new.author, new.body);
END;

CREATE VIRTUAL TABLE search_mentions USING fts5(
    text, canonical, type,
    content='mentions', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_mentions_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO search_mentions(rowid, text, canonical, type) VALUES (new.rowid, new.text, new.canonical, new.type);
END;
CREATE TRIGGER search_mentions_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO search_mentions(search_mentions, rowid, text, canonical, type)
    VALUES ('delete', old.rowid, old.text, old.canonical, old.type);
END;
CREATE TRIGGER search_mentions_au AFTER UPDATE ON mentions BEGIN
    INSERT INTO search_mentions(search_mentions, rowid, text, canonical, type)
    VALUES ('delete', old.rowid, old.text, old.canonical, old.type);
    INSERT INTO search_mentions(rowid, text, canonical, type) VALUES (new.rowid, new.text, new.canonical, new.type);
END;

CREATE VIRTUAL TABLE search_events USING fts5(
    summary, quote, type, participants, place,
    content='events', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_events(rowid, summary, quote, type, participants, place)
    VALUES (new.rowid, new.summary, new.quote, new.type, new.participants, new.place);
END;
CREATE TRIGGER search_events_ad AFTER DELETE ON events BEGIN
    INSERT INTO search_events(search_events, rowid, summary, quote, type, participants, place)
    VALUES ('delete', old.rowid, old.summary, old.quote, old.type, old.participants, old.place);
END;
CREATE TRIGGER search_events_au AFTER UPDATE ON events BEGIN
    INSERT INTO search_events(search_events, rowid, summary, quote, type, participants, place)
    VALUES ('delete', old.rowid, old.summary, old.quote, old.type, old.participants, old.place);
    INSERT INTO search_events(rowid, summary, quote, type, participants, place)
    VALUES (new.rowid, new.summary, new.quote, new.type, new.participants, new.place);
END;

INSERT INTO search_claims(search_claims) VALUES ('rebuild');
INSERT INTO search_articles(search_articles) VALUES ('rebuild');
INSERT INTO search_mentions(search_mentions) VALUES ('rebuild');
INSERT INTO search_events(search_events) VALUES ('rebuild');
