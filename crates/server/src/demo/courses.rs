//! The demo's training courses, in Polish and in English, and their place in the demo's
//! programs.

use crate::AppState;
use ambasada_core::Role;
use ambasada_store::training::{CourseInput, NewAttempt};

struct DemoCourse {
    language: &'static str,
    title: &'static str,
    description: &'static str,
    lessons: &'static [(&'static str, &'static str)],
    /// (question, choices with `*` marking the correct ones)
    questions: &'static [(&'static str, &'static str)],
}

/// Creates the three demo courses (writing your own post, reacting to others' posts,
/// making a simple graphic), each in Polish and in English, published, with a pass mark
/// of 67% (two of three questions). Returns their ids, the Polish ones first. The first
/// admin, if any, is recorded as their author.
pub async fn seed_demo_courses(state: &AppState) -> anyhow::Result<Vec<i64>> {
    let now = crate::now();
    let author = state
        .store
        .list_users(&ambasada_store::people::UserFilter {
            role: Some(Role::Admin),
            limit: 1,
            ..Default::default()
        })
        .await?
        .0
        .first()
        .map(|u| u.id);
    let mut ids = Vec::new();
    for d in DEMO_COURSES {
        let input = CourseInput {
            title: d.title.into(),
            description: d.description.into(),
            language: d.language.into(),
            pass_mark: 67,
            published: true,
        };
        let id = state.store.create_course(&input, author, now).await?;
        for (title, body) in d.lessons {
            state.store.add_lesson(id, None, title, body).await?;
        }
        for (text, choices) in d.questions {
            state.store.add_question(id, None, text, choices).await?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Ties the demo courses to the programs: the sales program asks for the first course
/// before an ambassador's first share; most employer-branding ambassadors completed it
/// (lessons read, quiz passed), while in sales two did, two are part-way and two have
/// not started.
pub(super) async fn attach_to_programs(
    state: &AppState,
    courses: &[i64],
    programs: &super::programs::Programs,
    now: i64,
) -> anyhow::Result<()> {
    let Some(course) = courses.first().copied() else {
        return Ok(());
    };
    let store = &state.store;
    store.set_required_course(programs.sales, Some(course)).await?;
    let lessons = store.lessons(course).await?;
    let questions = store.questions(course).await?.len() as i64;
    for (i, user_id) in programs.ambassadors.iter().enumerate() {
        // Sales added its people without asking (every third ambassador): two of them did
        // the required course, two are halfway, two have not started. Everyone else in
        // employer branding did it.
        let read = match (i % 3, i / 3) {
            (0, 0 | 1) => lessons.len(),
            (0, 2 | 3) => i / 3 - 1,
            (0, _) => 0,
            _ => lessons.len(),
        };
        let day = now - (i as i64 + 3) * ambasada_core::DAY;
        for l in lessons.iter().take(read) {
            store.mark_lesson_read(*user_id, l.id, day).await?;
        }
        if read == lessons.len() && questions > 0 {
            let attempt = NewAttempt {
                user_id: *user_id,
                course_id: course,
                correct: questions,
                total: questions,
                percent: 100,
                passed: true,
            };
            store.record_attempt(&attempt, day + ambasada_core::HOUR).await?;
        }
    }
    Ok(())
}

const DEMO_COURSES: &[DemoCourse] = &[
    DemoCourse {
        language: "pl",
        title: "Jak napisać własny post",
        description: "Dlaczego post napisany własnymi słowami działa lepiej niż gotowy tekst i jak go napisać w 10 minut.",
        lessons: &[
            (
                "Dlaczego własne słowa",
                "Ludzie ufają ludziom bardziej niż firmom. Post pracownika, który brzmi jak komunikat prasowy, \
                 traci tę przewagę: znajomi od razu widzą, że to nie Ty mówisz.\n\n\
                 Gdy dwadzieścia osób z jednej firmy wklei ten sam tekst, ich sieci widzą dwadzieścia identycznych \
                 postów, a algorytmy serwisów zaczynają je pokazywać rzadziej. Dlatego Ambasada zawsze zachęca, \
                 żeby przepisać proponowany tekst, i mierzy, na ile każdy post jest Twój.\n\n\
                 **Zasada:** gotowy tekst to materiał, nie scenariusz. Weź z niego fakty i link, resztę napisz sam.",
            ),
            (
                "Budowa dobrego posta",
                "Prosty schemat, który działa w LinkedIn, na Facebooku i w X:\n\n\
                 1. **Pierwsze zdanie przyciąga uwagę.** Przed „zobacz więcej” widać tylko dwie, trzy linijki. \
                 Zacznij od konkretu: liczby, pytania albo krótkiej sceny z pracy.\n\
                 2. **Twoja perspektywa.** Co Ty w tym robisz? Dlaczego to dla Ciebie ważne? Jedno osobiste zdanie \
                 wystarczy.\n\
                 3. **Jedna informacja.** Nie wszystko naraz: jedna oferta pracy, jedno wydarzenie, jeden projekt.\n\
                 4. **Wezwanie do działania.** „Znacie kogoś, kto…?”, „Zapraszam do aplikowania”, \
                 „Co o tym myślicie?”.\n\
                 5. **Link i 2–3 hashtagi** na końcu. Więcej hashtagów wygląda jak spam.\n\n\
                 Przykład: *„Rok temu dołączyłam do zespołu, który buduje aplikację dla szpitali. Dziś szukamy \
                 kolejnej osoby do testów – jeśli znasz kogoś dokładnego i ciekawego świata, podeślij mu ten link.”*",
            ),
            (
                "Czego unikać",
                "- **Informacji poufnych.** Wyniki przed publikacją, klienci bez zgody, wewnętrzne dokumenty i zrzuty \
                 ekranu – nigdy.\n\
                 - **Zdjęć ludzi bez ich zgody.** Zapytaj koleżanki i kolegów, zanim ich oznaczysz.\n\
                 - **Obietnic w imieniu firmy.** Mów za siebie („u mnie w zespole…”), nie za cały dział kadr.\n\
                 - **Sporów w komentarzach.** Na krytykę odpowiedz spokojnie albo przekaż ją koordynatorowi programu.\n\n\
                 Przeczytaj też zasady obecności w mediach społecznościowych swojej firmy; w razie wątpliwości \
                 zapytaj koordynatora programu.",
            ),
        ],
        questions: &[
            (
                "Co robisz z gotowym tekstem z biblioteki treści?",
                "Wklejam go bez zmian, bo jest sprawdzony\n*Biorę z niego fakty i link, a post piszę własnymi słowami\nNie udostępniam niczego z biblioteki",
            ),
            (
                "Co najlepiej sprawdza się w pierwszym zdaniu posta?",
                "Długi wstęp o historii firmy\n*Konkret: liczba, pytanie albo krótka scena z pracy\nSeria hashtagów",
            ),
            (
                "Czego nie publikujesz? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Zdjęć współpracowników bez ich zgody\n*Wyników firmy przed oficjalną publikacją\nOferty pracy z linkiem do strony kariery",
            ),
        ],
    },
    DemoCourse {
        language: "pl",
        title: "Jak reagować na posty innych",
        description: "Komentarze i udostępnienia, które budują zasięg i relacje, zamiast samych „lajków”.",
        lessons: &[
            (
                "Reakcja, komentarz, udostępnienie",
                "Serwisy pokazują post tym szerzej, im więcej rozmowy pod nim powstaje, zwłaszcza w pierwszej godzinie.\n\n\
                 - **Reakcja** („lubię to”) to najmniejszy sygnał: miły, ale prawie nic nie zmienia.\n\
                 - **Komentarz** ma największą wartość: pokazuje post Twoim znajomym i zaczyna rozmowę.\n\
                 - **Udostępnienie z własnym zdaniem** przenosi post do Twojej sieci. Bez komentarza wygląda jak \
                 przycisk wciśnięty z obowiązku.\n\n\
                 Jeśli masz minutę, napisz komentarz. Jeśli masz trzy – udostępnij z jednym zdaniem od siebie.",
            ),
            (
                "Komentarz, który coś wnosi",
                "Dobry komentarz ma co najmniej jedno zdanie treści:\n\n\
                 - **dopowiedz**: „Byłem przy tym projekcie – najtrudniejsze było…”;\n\
                 - **zapytaj**: „Jak wygląda rekrutacja do tego zespołu?”;\n\
                 - **oznacz osobę, której to pomoże**: „@Ania, to chyba dla Ciebie”.\n\n\
                 Unikaj komentarzy typu „Super!” albo samych emoji – algorytmy i ludzie traktują je jak szum. \
                 Nie komentuj wszystkich postów firmy tego samego dnia tym samym zdaniem; lepszy jeden przemyślany \
                 komentarz niż pięć automatycznych.",
            ),
        ],
        questions: &[
            (
                "Która reakcja zwykle najbardziej zwiększa zasięg posta?",
                "Samo „lubię to”\n*Komentarz z treścią, najlepiej w pierwszej godzinie\nZapisanie posta na później",
            ),
            (
                "Które komentarze coś wnoszą? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Pytanie o szczegóły projektu\n*Oznaczenie osoby, której oferta może pomóc\n„Super!” pod każdym postem firmy",
            ),
            (
                "Jak udostępnić post firmy?",
                "Bez komentarza, żeby nie przeszkadzać\n*Z jednym zdaniem od siebie: dlaczego warto to przeczytać\nZ tym samym tekstem co koledzy",
            ),
        ],
    },
    DemoCourse {
        language: "pl",
        title: "Jak zrobić prostą grafikę",
        description: "Zdjęcie lub grafika do posta w 15 minut: formaty, czytelność i prawa do obrazów.",
        lessons: &[
            (
                "Formaty i rozmiary",
                "Post z obrazem przyciąga wzrok w strumieniu treści. Najbezpieczniejsze rozmiary:\n\n\
                 | Gdzie | Proporcje | Piksele |\n|---|---|---|\n\
                 | LinkedIn, Facebook (post) | 1,91:1 | 1200 × 627 |\n\
                 | Kwadrat (wszędzie) | 1:1 | 1080 × 1080 |\n\
                 | Pion (telefon) | 4:5 | 1080 × 1350 |\n\n\
                 Zapisuj jako **JPG** (zdjęcia) lub **PNG** (grafiki z tekstem). Darmowe narzędzia: \
                 [Canva](https://www.canva.com/), [Photopea](https://www.photopea.com/) albo edytor w telefonie.",
            ),
            (
                "Czytelność i prawa do obrazów",
                "- **Mało tekstu na grafice**: najwyżej 6–8 słów, duża czcionka, wysoki kontrast. Resztę napisz w poście.\n\
                 - **Jeden punkt uwagi**: twarz, produkt albo liczba – nie wszystko naraz.\n\
                 - **Kolory i logo firmy** – tylko z oficjalnych materiałów; zapytaj koordynatora o paczkę marki.\n\
                 - **Własne zdjęcia są najlepsze.** Zdjęcia z internetu tylko z licencją, która na to pozwala \
                 (np. [Unsplash](https://unsplash.com/license)); logo i zdjęcia innych firm – nie.\n\
                 - **Tekst alternatywny**: dodaj krótki opis obrazu dla osób korzystających z czytników ekranu.",
            ),
        ],
        questions: &[
            (
                "Jaki rozmiar pasuje do grafiki w poście na LinkedIn?",
                "*1200 × 627 pikseli\n300 × 300 pikseli\n4000 × 500 pikseli",
            ),
            (
                "Ile tekstu umieścić na grafice?",
                "Cały opis oferty, żeby nic nie zginęło\n*Najwyżej kilka słów dużą czcionką\nTekst nie ma znaczenia",
            ),
            (
                "Których obrazów możesz użyć? (zaznacz wszystkie poprawne odpowiedzi)",
                "*Własnego zdjęcia z biura, za zgodą osób na zdjęciu\n*Zdjęcia z serwisu z licencją pozwalającą na użycie\nDowolnego zdjęcia z wyszukiwarki",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Writing your own post",
        description: "Why a post in your own words works better than ready-made text, and how to write one in 10 minutes.",
        lessons: &[
            (
                "Why your own words",
                "People trust people more than companies. An employee's post that reads like a press release loses \
                 that advantage: friends see at once that it is not you speaking.\n\n\
                 When twenty people from one company paste the same text, their networks see twenty identical posts, \
                 and the networks' algorithms start showing them less. That is why Ambasada always invites you to \
                 rewrite the suggested text, and measures how much of each post is yours.\n\n\
                 **The rule:** ready-made text is material, not a script. Take the facts and the link from it, write \
                 the rest yourself.",
            ),
            (
                "The shape of a good post",
                "A simple pattern that works on LinkedIn, Facebook and X:\n\n\
                 1. **The first line earns attention.** Only two or three lines show before \"see more\". Start with \
                 something concrete: a number, a question, or a short scene from work.\n\
                 2. **Your angle.** What do you do in this? Why does it matter to you? One personal sentence is enough.\n\
                 3. **One thing.** Not everything at once: one job offer, one event, one project.\n\
                 4. **A call to action.** \"Know someone who…?\", \"Apply here\", \"What do you think?\".\n\
                 5. **The link and 2–3 hashtags** at the end. More hashtags look like spam.\n\n\
                 Example: *\"A year ago I joined a team building an app for hospitals. Today we are looking for \
                 another tester – if you know someone careful and curious, send them this link.\"*",
            ),
            (
                "What to avoid",
                "- **Confidential information.** Results before they are published, clients without consent, internal \
                 documents and screenshots – never.\n\
                 - **Photos of people without their consent.** Ask colleagues before you tag them.\n\
                 - **Promises on the company's behalf.** Speak for yourself (\"in my team…\"), not for HR.\n\
                 - **Arguments in the comments.** Answer criticism calmly, or pass it on to the program coordinator.\n\n\
                 Read your company's social media guidelines too; when in doubt, ask the program coordinator.",
            ),
        ],
        questions: &[
            (
                "What do you do with ready-made text from the content library?",
                "Paste it unchanged, it has been approved\n*Take the facts and the link, and write the post in my own words\nShare nothing from the library",
            ),
            (
                "What works best in a post's first line?",
                "A long introduction to the company's history\n*Something concrete: a number, a question or a short scene from work\nA row of hashtags",
            ),
            (
                "What do you not publish? (pick every right answer)",
                "*Photos of colleagues without their consent\n*Company results before they are officially published\nA job offer with a link to the careers page",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Reacting to others' posts",
        description: "Comments and shares that build reach and relationships, rather than likes alone.",
        lessons: &[
            (
                "Reaction, comment, share",
                "Networks show a post more widely the more conversation it starts, especially in its first hour.\n\n\
                 - **A reaction** (\"like\") is the smallest signal: kind, but it changes almost nothing.\n\
                 - **A comment** is worth the most: it shows the post to your connections and starts a conversation.\n\
                 - **A share with a sentence of your own** carries the post into your network. Without one it looks \
                 like a button pressed out of duty.\n\n\
                 If you have a minute, write a comment. If you have three, share with one sentence of your own.",
            ),
            (
                "A comment that adds something",
                "A good comment has at least one sentence of substance:\n\n\
                 - **add to it**: \"I worked on this project – the hardest part was…\";\n\
                 - **ask**: \"What does hiring for this team look like?\";\n\
                 - **tag someone it helps**: \"@Anna, this one is for you\".\n\n\
                 Avoid comments like \"Great!\" or emoji alone – algorithms and people treat them as noise. Do not \
                 comment on every company post on the same day with the same sentence; one thoughtful comment beats \
                 five automatic ones.",
            ),
        ],
        questions: &[
            (
                "Which reaction usually adds the most reach to a post?",
                "A like on its own\n*A comment with substance, best in the first hour\nSaving the post for later",
            ),
            (
                "Which comments add something? (pick every right answer)",
                "*A question about the project's details\n*Tagging someone the offer could help\n\"Great!\" under every company post",
            ),
            (
                "How do you share a company post?",
                "Without a comment, so as not to intrude\n*With one sentence of my own: why it is worth reading\nWith the same text as my colleagues",
            ),
        ],
    },
    DemoCourse {
        language: "en",
        title: "Making a simple graphic",
        description: "A photo or graphic for a post in 15 minutes: formats, legibility and image rights.",
        lessons: &[
            (
                "Formats and sizes",
                "A post with an image catches the eye in a feed. The safest sizes:\n\n\
                 | Where | Ratio | Pixels |\n|---|---|---|\n\
                 | LinkedIn, Facebook (post) | 1.91:1 | 1200 × 627 |\n\
                 | Square (everywhere) | 1:1 | 1080 × 1080 |\n\
                 | Portrait (phones) | 4:5 | 1080 × 1350 |\n\n\
                 Save as **JPG** (photos) or **PNG** (graphics with text). Free tools: \
                 [Canva](https://www.canva.com/), [Photopea](https://www.photopea.com/) or your phone's editor.",
            ),
            (
                "Legibility and image rights",
                "- **Little text on the image**: 6–8 words at most, a large font, high contrast. Say the rest in the post.\n\
                 - **One point of focus**: a face, a product or a number – not everything at once.\n\
                 - **Company colours and logo** only from official material; ask the coordinator for the brand kit.\n\
                 - **Your own photos are best.** Pictures from the web only under a licence that allows it \
                 (e.g. [Unsplash](https://unsplash.com/license)); other companies' logos and photos – no.\n\
                 - **Alt text**: add a short description of the image for people using screen readers.",
            ),
        ],
        questions: &[
            (
                "Which size suits a graphic in a LinkedIn post?",
                "*1200 × 627 pixels\n300 × 300 pixels\n4000 × 500 pixels",
            ),
            (
                "How much text goes on the graphic?",
                "The whole job description, so nothing is lost\n*A few words at most, in a large font\nText does not matter",
            ),
            (
                "Which images may you use? (pick every right answer)",
                "*Your own photo from the office, with the consent of the people in it\n*A picture from a site whose licence allows the use\nAny picture from a search engine",
            ),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use ambasada_core::training;

    #[test]
    fn demo_courses_are_complete_and_their_questions_parse() {
        assert_eq!(DEMO_COURSES.len(), 6);
        for d in DEMO_COURSES {
            assert!((2..=3).contains(&d.lessons.len()), "{}", d.title);
            assert_eq!(d.questions.len(), 3, "{}", d.title);
            for (text, choices) in d.questions {
                assert!(training::parse_choices(choices).is_ok(), "{text}");
            }
            for (_, body) in d.lessons {
                let html = crate::markdown::render(body);
                assert!(!html.contains("<script"), "{}", d.title);
            }
        }
        assert_eq!(DEMO_COURSES.iter().filter(|d| d.language == "pl").count(), 3);
    }
}
