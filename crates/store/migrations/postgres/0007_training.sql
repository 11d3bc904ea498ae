-- Training (C4): courses of lessons and a quiz, each person's progress, and the
-- program setting "this course is required before the first share".
-- Flags are BIGINT 0/1 (read as i64), times BIGINT unix milliseconds.

CREATE TABLE courses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'pl',          -- core::Locale
    pass_mark BIGINT NOT NULL DEFAULT 70,         -- percent, 1..100
    published BIGINT NOT NULL DEFAULT 0,          -- 0 draft, 1 published
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Lessons in order (position ascending, then id); the body is Markdown.
CREATE TABLE course_lessons (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX course_lessons_course ON course_lessons (course_id, position);

-- Quiz questions; choices one per line, correct ones starting with '*'
-- (core::training::parse_choices).
CREATE TABLE course_questions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    choices TEXT NOT NULL
);
CREATE INDEX course_questions_course ON course_questions (course_id, position);

CREATE TABLE lesson_reads (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id BIGINT NOT NULL REFERENCES course_lessons(id) ON DELETE CASCADE,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

-- Every attempt at a quiz is kept (retries are allowed); passed is 0/1.
CREATE TABLE quiz_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    correct BIGINT NOT NULL,
    total BIGINT NOT NULL,
    percent BIGINT NOT NULL,
    passed BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX quiz_attempts_user_course ON quiz_attempts (user_id, course_id);
CREATE INDEX quiz_attempts_course ON quiz_attempts (course_id);

-- A program may require one course before an ambassador's first share.
ALTER TABLE programs ADD COLUMN required_course_id BIGINT REFERENCES courses(id) ON DELETE SET NULL;
