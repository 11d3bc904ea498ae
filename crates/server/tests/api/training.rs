//! Training (C4): a coordinator writes a course with a lesson and a quiz; an ambassador
//! reads, fails, retries and passes; completion shows to the coordinator; a program's
//! required course blocks sharing until it is completed.

use crate::common::{PASSWORD, TestApp};
use crate::story;
use ambasada_core::Role;

/// The id at the end of a redirect's `Location` (`/app/courses/7` -> 7).
fn location_id(res: &reqwest::Response) -> i64 {
    let loc = res.headers()["location"].to_str().unwrap();
    loc.rsplit('/')
        .next()
        .unwrap()
        .split('#')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn a_course_is_written_read_failed_retried_and_completed(app: &TestApp) {
    let coord = TestApp::sibling(app);
    let coord_id = coord.create_user("koord@test.example", &[Role::Coordinator]).await;
    assert_eq!(coord.login("koord@test.example", PASSWORD).await.status(), 303);
    let amb = TestApp::sibling(app);
    let amb_id = amb.create_user("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);

    // Bad input answers 422 and keeps what was typed.
    let res = coord
        .post_form(
            "/app/courses",
            &[
                ("title", "  "),
                ("description", "Keep this description"),
                ("language", "en"),
                ("pass_mark", "60"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text().await.unwrap().contains("Keep this description"),
        "input kept"
    );

    let res = coord
        .post_form(
            "/app/courses",
            &[
                ("title", "Writing 101"),
                ("description", "How to write *your own* post."),
                ("language", "en"),
                ("pass_mark", "60"),
                ("published", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let course = location_id(&res);

    let res = coord
        .post_form(
            &format!("/app/courses/{course}"),
            &[
                ("title", "Writing 101 (new)"),
                ("language", "en"),
                ("pass_mark", "150"),
                ("published", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("value=\"150\"") && page.contains("Writing 101 (new)"),
        "input kept"
    );
    assert_eq!(app.state.store.course(course).await.unwrap().unwrap().pass_mark, 60);

    let body = "Write **in your own words**. See [the guide](https://example.com/guide).\n\n\
                ![A good post](https://example.com/post.png)\n\n<script>alert(1)</script>";
    let res = coord
        .post_form(
            &format!("/app/courses/{course}/lessons"),
            &[("title", "Your own words"), ("body", body)],
        )
        .await;
    assert_eq!(res.status(), 303);

    let res = coord
        .post_form(
            &format!("/app/courses/{course}/questions"),
            &[("text", "Which is right?"), ("choices", "Alpha choice\nBeta choice")],
        )
        .await;
    assert_eq!(res.status(), 422, "a question without a correct choice");
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Which is right?") && page.contains("Alpha choice\nBeta choice"),
        "input kept"
    );
    for (text, choices) in [
        (
            "What do you do with ready-made text?",
            "Paste it\n*Rewrite it in my own words",
        ),
        (
            "Which belong in a post?",
            "*A link\n*One sentence of your own\nTwenty hashtags",
        ),
    ] {
        let res = coord
            .post_form(
                &format!("/app/courses/{course}/questions"),
                &[("text", text), ("choices", choices)],
            )
            .await;
        assert_eq!(res.status(), 303, "{text}");
    }
    assert_eq!(app.state.store.questions(course).await.unwrap().len(), 2);

    // The program requires the course before the first share.
    let program = app.create_program("EB", "eb", Some(coord_id)).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    assert_eq!(
        ambasada_server::training::must_complete_before_sharing(&app.state, amb_id)
            .await
            .unwrap(),
        None,
        "nothing required yet"
    );
    let res = coord
        .post_form(
            &format!("/app/courses/{course}/required"),
            &[("program_id", &program.to_string()), ("required", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        ambasada_server::training::must_complete_before_sharing(&app.state, amb_id)
            .await
            .unwrap(),
        Some((course, "Writing 101".to_string()))
    );
    // A required course cannot be unpublished from under the program.
    let res = coord
        .post_form(
            &format!("/app/courses/{course}"),
            &[("title", "Writing 101"), ("language", "en"), ("pass_mark", "60")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Stop requiring it there"));
    assert!(app.state.store.course(course).await.unwrap().unwrap().is_published());

    // The ambassador cannot write courses.
    assert_eq!(amb.get("/app/courses").await.status(), 403);
    assert_eq!(amb.get(&format!("/app/courses/{course}")).await.status(), 403);
    assert_eq!(
        amb.post_form(
            "/app/courses",
            &[("title", "Mine"), ("language", "en"), ("pass_mark", "50")]
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        amb.post_form(
            &format!("/app/courses/{course}"),
            &[("title", "Hijacked"), ("language", "en"), ("pass_mark", "1")]
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        amb.post_form(&format!("/app/courses/{course}/lessons"), &[("title", "X")])
            .await
            .status(),
        403
    );
    assert_eq!(amb.get(&format!("/app/courses/{course}/progress")).await.status(), 403);

    // The catalog shows the course and the requirement.
    let page = amb.get("/app/training").await.text().await.unwrap();
    assert!(page.contains("Writing 101") && page.contains("required-course"));

    // The lesson's Markdown is rendered with its link and image, and no script.
    let res = amb.get(&format!("/app/training/{course}/lessons/1")).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<strong>in your own words</strong>"));
    assert!(page.contains("href=\"https://example.com/guide\""));
    assert!(page.contains("<img src=\"https://example.com/post.png\""));
    assert!(!page.contains("<script>alert"), "raw HTML shown as text");
    assert_eq!(
        amb.get(&format!("/app/training/{course}/lessons/2")).await.status(),
        404
    );

    // First attempt: the first answer wrong, the second right: 50% < 60%.
    let res = amb
        .post_form(
            &format!("/app/training/{course}/quiz"),
            &[("q1", "0"), ("q2", "0"), ("q2", "1")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<span id=\"quiz-score\">50%</span>"), "score shown");
    assert!(
        page.contains("class=\"card question wrong\" id=\"question-1\""),
        "wrong answer marked"
    );
    assert!(
        page.contains("class=\"card question\" id=\"question-2\""),
        "right answer not marked"
    );
    assert!(page.contains("Not passed yet."));
    // A retry: the multiple-choice question needs both right choices.
    let res = amb
        .post_form(&format!("/app/training/{course}/quiz"), &[("q1", "1"), ("q2", "0")])
        .await;
    assert!(res.text().await.unwrap().contains("<span id=\"quiz-score\">50%</span>"));
    let res = amb
        .post_form(
            &format!("/app/training/{course}/quiz"),
            &[("q1", "1"), ("q2", "1"), ("q2", "0")],
        )
        .await;
    let page = res.text().await.unwrap();
    assert!(page.contains("<span id=\"quiz-score\">100%</span>") && page.contains("Passed!"));
    assert!(!page.contains("course-completed"), "the lesson is not read yet");
    assert!(
        ambasada_server::training::must_complete_before_sharing(&app.state, amb_id)
            .await
            .unwrap()
            .is_some(),
        "passing alone does not complete the course"
    );
    let page = coord
        .get(&format!("/app/courses/{course}/progress"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<dd id=\"count-in-progress\">1</dd>"));

    // Reading the lesson completes the course.
    let res = amb
        .post_form(&format!("/app/training/{course}/lessons/1/read"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], format!("/app/training/{course}").as_str());
    let page = amb.get(&format!("/app/training/{course}")).await.text().await.unwrap();
    assert!(page.contains("Completed"), "the course page says so");
    assert_eq!(
        ambasada_server::training::must_complete_before_sharing(&app.state, amb_id)
            .await
            .unwrap(),
        None,
        "the required course is completed"
    );

    // The coordinator sees the completion.
    let res = coord.get(&format!("/app/courses/{course}/progress")).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<dd id=\"count-completed\">1</dd>"));
    assert!(page.contains("<dd id=\"count-in-progress\">0</dd>"));
    assert!(page.contains("amb@test.example"));
    let page = coord.get("/app/courses").await.text().await.unwrap();
    assert!(page.contains("Writing 101"));

    // Stop requiring; a draft course stays hidden from ambassadors.
    let res = coord
        .post_form(
            &format!("/app/courses/{course}/required"),
            &[("program_id", &program.to_string()), ("required", "0")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.required_course_of(program).await.unwrap(), None);
    let res = coord
        .post_form(
            "/app/courses",
            &[("title", "Secret draft"), ("language", "en"), ("pass_mark", "70")],
        )
        .await;
    let draft = location_id(&res);
    assert_eq!(amb.get(&format!("/app/training/{draft}")).await.status(), 404);
    // An empty draft cannot be required: nobody could ever complete it.
    coord
        .post_form(
            &format!("/app/courses/{draft}/required"),
            &[("program_id", &program.to_string()), ("required", "1")],
        )
        .await;
    assert_eq!(app.state.store.required_course_of(program).await.unwrap(), None);
    assert!(
        !amb.get("/app/training")
            .await
            .text()
            .await
            .unwrap()
            .contains("Secret draft")
    );
    assert_eq!(
        coord.get(&format!("/app/training/{draft}")).await.status(),
        200,
        "preview"
    );

    // The list of courses loads every course's learners at once: each row keeps its own
    // counts (Writing 101 completed, the draft under way: one lesson of two read).
    let lesson = app
        .state
        .store
        .add_lesson(draft, None, "Draft lesson", "Text.")
        .await
        .unwrap();
    app.state
        .store
        .add_lesson(draft, None, "Second draft lesson", "Text.")
        .await
        .unwrap();
    app.state.store.mark_lesson_read(amb_id, lesson, 1).await.unwrap();
    let page = coord.get("/app/courses").await.text().await.unwrap();
    assert_eq!(manage_counts(&page, course), ("1", "0"), "completed, in progress");
    assert_eq!(manage_counts(&page, draft), ("0", "1"), "completed, in progress");
    // The edit page loads every program's required course at once: each row keeps its own.
    let other = app.create_program("Other", "other", Some(coord_id)).await;
    app.state
        .store
        .set_required_course(program, Some(course))
        .await
        .unwrap();
    let page = coord.get(&format!("/app/courses/{draft}")).await.text().await.unwrap();
    assert!(program_row(&page, "EB").contains("Requires another course"));
    assert!(!program_row(&page, "Other").contains("Requires"), "program {other}");
    let page = coord.get(&format!("/app/courses/{course}")).await.text().await.unwrap();
    assert!(program_row(&page, "EB").contains("Requires this course"));
    assert!(!program_row(&page, "Other").contains("Requires"));
}
story!(a_course_is_written_read_failed_retried_and_completed);

/// The (completed, in progress) cells of a course's row on `/app/courses`.
fn manage_counts(page: &str, course: i64) -> (&str, &str) {
    let end = page
        .find(&format!(
            "<td class=\"stack-actions\"><a href=\"/app/courses/{course}/progress\">"
        ))
        .unwrap();
    let mut cells = page[..end].rsplit("<td").map(|c| {
        let c = &c[c.find('>').unwrap() + 1..];
        c.split("</td>").next().unwrap()
    });
    let in_progress = cells.next().unwrap();
    (cells.next().unwrap(), in_progress)
}

/// A program's row in a course's "required by" table.
fn program_row<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page.find(&format!("<tr><td>{name}</td>")).unwrap();
    let len = page[start..].find("</tr>").unwrap();
    &page[start..start + len]
}

async fn the_demo_courses_are_published_in_both_languages(app: &TestApp) {
    let ids = ambasada_server::demo::courses::seed_demo_courses(&app.state)
        .await
        .unwrap();
    assert_eq!(ids.len(), 6);
    for id in &ids {
        let c = app.state.store.course(*id).await.unwrap().unwrap();
        assert!(
            c.is_published() && (2..=3).contains(&c.lessons) && c.questions == 3,
            "{}",
            c.title
        );
    }
    let amb = TestApp::sibling(app);
    amb.create_user("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);
    let page = amb.get("/app/training").await.text().await.unwrap();
    assert!(page.contains("Writing your own post") && page.contains("Jak zrobić prostą grafikę"));
    let res = amb.get(&format!("/app/training/{}/lessons/1", ids[2])).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text().await.unwrap().contains("<table>"),
        "Markdown tables rendered"
    );
    assert_eq!(amb.get(&format!("/app/training/{}/quiz", ids[3])).await.status(), 200);
}
story!(the_demo_courses_are_published_in_both_languages);
