# Ambasada: polski katalog tłumaczeń (Project Fluent).
# Klucze muszą być takie same jak w en.ftl. Wiersze kontynuacji zawsze z wcięciem.

## Układ strony

layout-skip = Przejdź do treści
layout-nav = Menu główne
layout-language = Język
layout-language-switch = Zmień
layout-logout = Wyloguj się
layout-tagline = program ambasadorski w Twojej firmie

nav-home = Start
nav-users = Osoby
nav-teams = Zespoły
nav-brand = Marka firmy
nav-import = Import
nav-outbox = Skrzynka nadawcza
nav-audit = Dziennik zdarzeń
nav-profile = Profil

pager = Strony
pager-prev = ← Poprzednia
pager-next = Następna →

## Wspólne akcje i pola

action-save = Zapisz
action-cancel = Anuluj
action-delete = Usuń
action-filter = Filtruj
action-search = Szukaj
nav-group-posts = Posty
nav-group-results = Moje wyniki
nav-group-content = Treści
nav-group-programs = Programy
nav-group-recruiting = Rekrutacja
nav-group-admin = Administracja
nav-group-account = Konto
layout-menu = Menu
error-attach-again = Wybierz plik ponownie: formularz wrócił z błędami, a przeglądarka nie zachowuje załączonych plików.
action-copy = Kopiuj

field-email = Adres e-mail
field-name = Imię i nazwisko
field-first-name = Imię
field-last-name = Nazwisko
field-language = Język
field-password = Hasło
field-new-password = Nowe hasło
field-password-confirm = Powtórz nowe hasło
field-current-password = Obecne hasło
field-time-zone = Strefa czasowa
field-profile-url = Adres profilu
field-network-size = Liczba kontaktów lub obserwujących
field-token-name = Nazwa tokenu

people-count =
    { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
        [many] { $count } osób
       *[other] { $count } osoby
    }

## Role i uprawnienia tokenów

role-admin = Administrator
role-coordinator = Koordynator
role-editor = Redaktor
role-recruiter = Rekruter
role-ambassador = Ambasador

scope-content-read = odczyt biblioteki treści
scope-content-write = tworzenie i edycja treści
scope-shares-write = zapisywanie udostępnień
scope-conversions-write = przesyłanie konwersji
scope-reports-read = odczyt raportów

## Błędy formularzy

error-required = To pole jest wymagane.
error-email = Podaj poprawny adres e-mail, np. jan.kowalski@firma.pl.
error-characters = Usuń z tej wartości znaki nowego wiersza i inne znaki sterujące.
error-too-long = Ta wartość jest za długa.
error-locale = Nieznany język. Wybierz polski (pl) lub angielski (en).
error-password-short = Hasło musi mieć co najmniej 8 znaków.
error-password-long = Hasło może mieć najwyżej 256 znaków.
error-password-mismatch = Hasła nie są takie same.
error-current-password = Obecne hasło jest nieprawidłowe.
error-profile-url = To nie wygląda na adres profilu w serwisie { $network }. Wklej pełny link zaczynający się od https://.
error-number = Podaj liczbę.
error-network-size = Podaj liczbę całkowitą od 0 do 100 000 000.
error-time-zone = Nieznana strefa czasowa. Wybierz ją z listy, np. Europe/Warsaw.
error-role = Nieznana rola.
error-team = Wybrany zespół nie istnieje.
error-scope-role = Twoje role nie pozwalają na jeden z wybranych zakresów.
error-scope = Nieznany zakres uprawnień.
error-email-taken = Osoba z tym adresem e-mail ma już konto.
error-team-taken = Zespół o tej nazwie już istnieje.
error-last-admin = To jedyne aktywne konto administratora. Najpierw nadaj tę rolę komuś innemu.
error-deactivate-self = Nie możesz dezaktywować własnego konta.
error-reinvite = Zaproszenie można wysłać ponownie tylko do aktywnej osoby, która nie ustawiła jeszcze hasła.

## Strony błędów

error-page-not-found = Nie ma takiej strony.
error-page-forbidden = Nie masz dostępu do tej strony.
error-page-unauthenticated = Zaloguj się, aby zobaczyć tę stronę.
error-page-internal = Coś poszło nie tak po naszej stronie. Błąd został zapisany – spróbuj ponownie za chwilę.
error-csrf = Formularz wygasł albo został wysłany z innej strony. Odśwież stronę i spróbuj ponownie.
error-bad-request = Nie udało się zrozumieć żądania. Sprawdź adres albo wróć i spróbuj ponownie.
error-timeout = Obsługa żądania trwała zbyt długo. Spróbuj ponownie.
error-too-large = Przesłane dane są za duże.
error-back-home = Wróć na stronę główną

## Komunikaty po akcji

flash-saved = Zapisano zmiany.
flash-profile-saved = Zapisano profil.
flash-password-changed = Hasło zostało zmienione. Na innych urządzeniach nastąpiło wylogowanie.
flash-token-revoked = Token został unieważniony.
flash-logged-out = Wylogowano. Do zobaczenia!
flash-reset-sent = Jeśli ten adres należy do aktywnego konta, wysłaliśmy na niego link do ustawienia nowego hasła. Link jest ważny przez godzinę.
flash-password-set = Nowe hasło jest ustawione. Zaloguj się nim.
flash-welcome = Witaj w programie! Twoje konto jest gotowe – uzupełnij profil, żeby zacząć.
flash-invited = Wysłano zaproszenie na adres { $arg }.
flash-deactivated = Konto osoby { $arg } zostało dezaktywowane.
flash-reactivated = Konto osoby { $arg } zostało przywrócone.
flash-team-created = Dodano zespół „{ $arg }”.
flash-team-deleted = Usunięto zespół „{ $arg }”.
flash-imported = Import zakończony – { $arg }.
flash-email-requeued = Wiadomość wróciła do kolejki i zostanie wysłana ponownie.

## Logowanie i hasła

login-title = Zaloguj się
login-intro = Zaloguj się służbowym adresem e-mail i swoim hasłem.
login-submit = Zaloguj się
login-forgot = Nie pamiętasz hasła?
login-failed = Nieprawidłowy adres e-mail lub hasło.
login-throttled =
    { $count ->
        [one] Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za minutę.
        [few] Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za { $count } minuty.
        [many] Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za { $count } minut.
       *[other] Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za { $count } minuty.
    }

## Logowanie jednokrotne (dostawca tożsamości firmy)

login-sso = Zaloguj się przez { $name }
login-sso-generic = Zaloguj się kontem firmowym
login-or-password = Albo zaloguj się służbowym adresem e-mail i swoim hasłem.
login-admin-password = Logowanie administratora hasłem
login-password-off = Logowanie hasłem jest wyłączone: zaloguj się kontem firmowym. Hasła może tu używać tylko wyznaczony administrator.
sso-title = Logowanie firmowe
sso-unavailable = Logowanie firmowe jest teraz niedostępne: nie można połączyć się z dostawcą tożsamości Twojej firmy. Spróbuj ponownie za kilka minut.
sso-denied = Logowanie zostało anulowane albo dostawca tożsamości Twojej firmy go odmówił.
sso-provider-error = Dostawca tożsamości Twojej firmy nie dokończył logowania. Spróbuj ponownie.
sso-expired = To logowanie wygasło albo zostało rozpoczęte w innej przeglądarce. Zacznij je od nowa.
sso-unverified = Nie udało się zweryfikować logowania. Zacznij je od nowa; jeśli to się powtarza, powiedz o tym administratorowi.
sso-no-email = Twoje konto firmowe nie podało nam adresu e-mail, więc nie wiemy, które konto jest Twoje. Zwróć się do administratora.
sso-email-unverified = Adres e-mail Twojego konta firmowego nie jest zweryfikowany. Zwróć się do administratora.
sso-domain = Domena Twojego adresu ({ $domain }) nie jest tu dozwolona. Zaloguj się kontem służbowym.
sso-deactivated = Twoje konto zostało dezaktywowane. Zapytaj administratora, jeśli nadal potrzebujesz dostępu.
sso-not-invited = Nie ma jeszcze konta dla { $email }. Najpierw administrator musi Cię zaprosić; potem zaloguj się ponownie.
sso-try-again = Spróbuj ponownie
sso-back = Wróć do strony logowania
flash-invite-sso = Twoja firma loguje się własnymi kontami: użyj przycisku poniżej, hasło nie jest potrzebne.
audit-do-user-sso-login = Logowanie jednokrotne: { $subject }
audit-do-user-sso-create = Konto utworzone przy pierwszym logowaniu jednokrotnym: { $subject }

forgot-title = Nie pamiętasz hasła?
forgot-intro = Podaj adres e-mail swojego konta. Wyślemy na niego link do ustawienia nowego hasła.
forgot-submit = Wyślij link
forgot-back = Wróć do logowania

setpw-title-invite = Dołącz do programu ambasadorskiego
setpw-title-reset = Ustaw nowe hasło
# test kompletności widzi je jako klucze, więc mają tu neutralną wartość zapasową.
setpw-hello = Cześć, { $name }!
setpw-intro = Wybierz hasło, które ma co najmniej 8 znaków. Najlepiej sprawdza się kilka słów, które łatwo zapamiętasz, a trudno zgadnąć.
setpw-submit = Ustaw hasło
setpw-invalid = Ten link wygasł albo został już wykorzystany.

## Strona startowa

home-title = Start
home-hello = Cześć, { $name }!
home-your-roles = Twoje role
home-become-title = Zostań ambasadorem
home-become-intro = Dziel się historiami firmy na swoich profilach, własnymi słowami: koordynator przygotuje gotowe posty, szkolenie i kalendarz publikacji. Udział jest dobrowolny i możesz z niego zrezygnować w każdej chwili.
home-become-none = Nie ma jeszcze programu, do którego można dołączyć. Koordynator da znać, gdy ruszy.
home-no-roles = jeszcze żadnej
home-active-people =
    { $count ->
        [one] aktywna osoba
        [few] aktywne osoby
        [many] aktywnych osób
       *[other] aktywnej osoby
    }
home-invited-people =
    { $count ->
        [one] oczekujące zaproszenie
        [few] oczekujące zaproszenia
        [many] oczekujących zaproszeń
       *[other] oczekującego zaproszenia
    }
home-teams =
    { $count ->
        [one] zespół
        [few] zespoły
        [many] zespołów
       *[other] zespołu
    }
home-unsent-emails =
    { $count ->
        [one] niewysłany e-mail
        [few] niewysłane e-maile
        [many] niewysłanych e-maili
       *[other] niewysłanego e-maila
    }
home-no-smtp = Wysyłka e-maili (SMTP) nie jest skonfigurowana. Zaproszenia i linki do zmiany hasła znajdziesz w skrzynce nadawczej:
home-admin-tasks = Zadania administratora
home-profile = Twój profil
home-profile-empty = Nie dodano jeszcze żadnej sieci społecznościowej. Dodaj swoje profile, żeby koordynator programu wiedział, gdzie publikujesz.
home-profile-networks =
    { $count ->
        [one] W profilu masz jedną sieć społecznościową.
        [few] W profilu masz { $count } sieci społecznościowe.
        [many] W profilu masz { $count } sieci społecznościowych.
       *[other] W profilu masz { $count } sieci społecznościowych.
    }
home-profile-edit = Edytuj profil

## Profil

profile-title = Twój profil
profile-about = O Tobie
profile-networks = Sieci społecznościowe
profile-networks-help = Podaj profile, na których możesz publikować w ramach programu, i przybliżoną liczbę kontaktów lub obserwujących. Na tej podstawie szacujemy zasięg Twoich udostępnień.
profile-password = Hasło
profile-password-change = Zmień hasło

tokens-advanced = Zaawansowane: tokeny API dla innych narzędzi
tokens-intro = Osobisty token pozwala innemu narzędziu korzystać z API w Twoim imieniu. Token ma tylko wybrane uprawnienia i nigdy więcej niż Twoje role.
tokens-created = Oto Twój nowy token. Skopiuj go teraz – później nie będzie można go już wyświetlić.
tokens-none = Nie masz jeszcze żadnych tokenów.
tokens-scopes = Uprawnienia
tokens-created-at = Utworzono
tokens-last-used = Ostatnio użyty
tokens-identity-only = tylko identyfikacja
tokens-never = nigdy
tokens-revoke = Unieważnij
tokens-new = Nowy token
tokens-create = Utwórz token

## Administracja: osoby

users-title = Osoby
users-invite = Zaproś osobę
users-invite-intro = Wyślemy e-mail z linkiem do ustawienia hasła. Link będzie ważny przez 7 dni.
users-invite-send = Wyślij zaproszenie
users-search = Szukaj po imieniu, nazwisku lub adresie e-mail
users-role = Rola
users-any-role = Wszystkie role
users-team = Zespół
users-any-team = Wszystkie zespoły
users-status = Status
users-any-status = Wszystkie statusy
users-active = Aktywne
users-deactivated = Dezaktywowane
users-invited = Zaproszenie wysłane
users-not-invited = Jeszcze bez zaproszenia
users-send-invitation = Wyślij zaproszenie
users-none = Nie znaleziono żadnych osób.
users-roles = Role
users-teams = Zespoły
users-access = Dostęp
users-reinvite = Wyślij zaproszenie ponownie
users-deactivate = Dezaktywuj konto
users-deactivate-confirm = Dezaktywować to konto? Ta osoba zostanie od razu wylogowana.
users-deactivate-help = Dezaktywacja od razu kończy wszystkie sesje tej osoby i blokuje logowanie. Jej historia w programie zostaje, a konto możesz w każdej chwili przywrócić.
users-reactivate = Przywróć konto

## Administracja: zespoły

teams-name = Nazwa zespołu
teams-title = Zespoły
teams-new = Nowy zespół
teams-create = Dodaj zespół
teams-none = Nie ma jeszcze żadnych zespołów.
teams-members = Osoby
teams-rename = Zmień nazwę
teams-delete-confirm = Usunąć ten zespół? Osoby z zespołu zachowają konta, stracą tylko przypisanie do niego.

## Administracja: import pracowników

import-title = Import pracowników
import-intro = Prześlij plik CSV z systemu kadrowego (HRIS). Pierwszy wiersz to nagłówki kolumn, na przykład:
import-rules = Wymagane kolumny: email, first_name, last_name. Opcjonalne: team, roles (kilka ról oddziel znakiem |) i language (pl lub en, domyślnie pl). Nagłówki mogą być też po polsku (Imię, Nazwisko, Zespół, Język), separatorem może być średnik lub przecinek, kodowanie to UTF-8. Osoby rozpoznajemy po adresie e-mail: ponowny import aktualizuje imię, nazwisko i język, ustawia zespół z pliku (jeśli komórka nie jest pusta) i dodaje role, ale nigdy ich nie odbiera. Najpierw zobaczysz podgląd; jeśli choć jeden wiersz zawiera błąd, nic nie zostanie zaimportowane.
import-file = Plik CSV
import-check = Sprawdź plik
import-dry-run = Podgląd importu: { $file }
import-added =
    { $count ->
        [one] { $count } nowa osoba
        [few] { $count } nowe osoby
        [many] { $count } nowych osób
       *[other] { $count } nowej osoby
    }
import-changed =
    { $count ->
        [one] { $count } osoba ze zmianami
        [few] { $count } osoby ze zmianami
        [many] { $count } osób ze zmianami
       *[other] { $count } osoby ze zmianami
    }
import-unchanged =
    { $count ->
        [one] { $count } osoba bez zmian
        [few] { $count } osoby bez zmian
        [many] { $count } osób bez zmian
       *[other] { $count } osoby bez zmian
    }
import-invite-new = Wyślij zaproszenia nowym osobom
import-confirm = Importuj
import-added-title = Nowe osoby
import-new-teams = { $count ->
    [one] Import utworzy nowy zespół:
    [few] Import utworzy { $count } nowe zespoły:
   *[many] Import utworzy { $count } nowych zespołów:
}
import-team-new = nowy zespół
import-changed-title = Osoby ze zmianami
import-line = Wiersz
import-what-changes = Co się zmieni
import-errors =
    { $count ->
        [one] { $count } błąd w pliku
        [few] { $count } błędy w pliku
        [many] { $count } błędów w pliku
       *[other] { $count } błędu w pliku
    }
import-nothing-imported = Z pliku { $file } nic nie zostało zaimportowane. Popraw poniższe wiersze i prześlij plik ponownie.
import-column = Kolumna
import-problem = Problem
import-done = dodano: { $added }, zmieniono: { $changed }, bez zmian: { $unchanged }

import-column-email = adres e-mail
import-column-first-name = imię
import-column-last-name = nazwisko
import-column-team = zespół
import-column-roles = role
import-column-language = język

import-error-role = Nieznana rola „{ $role }”. Użyj: admin, coordinator, editor, recruiter, ambassador (albo polskich nazw ról).
import-error-duplicate = Ten adres e-mail występuje już w wierszu { $line }.
import-error-missing-column = Brakuje tej wymaganej kolumny.
import-error-malformed = Nie da się odczytać tego wiersza. Zapisz plik jako CSV w kodowaniu UTF-8.
import-error-empty = Plik nie zawiera żadnych osób, tylko nagłówki.
import-error-upload = Nie udało się przesłać pliku. Spróbuj ponownie.
import-error-too-large = Plik jest za duży (najwyżej 10 MB).
import-error-no-file = Wybierz plik CSV do przesłania.

## Administracja: skrzynka nadawcza

outbox-title = Skrzynka nadawcza
outbox-smtp-on = E-maile są wysyłane przez SMTP. Nieudane wysyłki są automatycznie ponawiane.
outbox-smtp-off = Wysyłka e-maili (SMTP) nie jest skonfigurowana, więc nic nie jest wysyłane. Przekaż linki z poniższych wiadomości osobom, do których są adresowane.
outbox-all = Wszystkie
outbox-status-pending = W kolejce
outbox-status-sending = Wysyłanie
outbox-status-sent = Wysłane
outbox-status-failed = Niewysłane
outbox-count =
    { $count ->
        [one] { $count } wiadomość
        [few] { $count } wiadomości
        [many] { $count } wiadomości
       *[other] { $count } wiadomości
    }
outbox-none = Brak wiadomości.
outbox-created = Utworzono
outbox-to = Do
outbox-subject = Temat
outbox-status = Status
outbox-attempts = Próby wysyłki
outbox-sent-at = Wysłano
outbox-last-error = Ostatni błąd
outbox-retry = Wyślij ponownie

## Administracja: dziennik zdarzeń

audit-title = Dziennik zdarzeń
audit-none = Dziennik jest pusty.
audit-when = Kiedy
audit-who = Kto
audit-action = Działanie
audit-system = system
audit-do-calendar-feed-revoke = Unieważniono link do kalendarza: { $subject }
audit-do-careers-consent = Zmieniono treść zgody na stronie kariery
audit-do-course-create = Utworzono kurs: { $subject }
audit-do-course-edit = Zmieniono kurs: { $subject }
audit-do-demo-seed = Wczytano dane demonstracyjne
audit-do-digest-unsubscribe = Wypisano z podsumowań e-mail: { $subject }
audit-do-enps-open = Otwarto ankietę eNPS: { $subject }
audit-do-import-employees = Zaimportowano pracowników: { $subject }
audit-do-points-bots = Cofnięto punkty za kliknięcia robotów: { $subject }
audit-do-points-rules = Zmieniono zasady punktacji: { $subject }
audit-do-program-course-require = Kurs stał się obowiązkowy: { $subject }
audit-do-program-course-unrequire = Kurs przestał być obowiązkowy: { $subject }
audit-do-program-create = Utworzono program: { $subject }
audit-do-program-edit = Zmieniono program: { $subject }
audit-do-program-emv-rates = Zmieniono stawki EMV: { $subject }
audit-do-program-goal-add = Dodano cel: { $subject }
audit-do-program-candidate-accepted = Przyjęto zgłoszenie: { $subject }
audit-do-program-candidate-declined = Odrzucono zgłoszenie: { $subject }
audit-do-program-candidate-waitlisted = Wpisano na listę oczekujących: { $subject }
audit-do-program-leave = Rezygnacja z programu: { $subject }
audit-do-program-member-add = Dodano do programu: { $subject }
audit-do-program-member-remove = Usunięto z programu: { $subject }
audit-do-program-webhook-remove = Usunięto webhook kanału programu: { $subject }
audit-do-program-webhook-set = Ustawiono webhook kanału programu: { $subject }
audit-do-team-create = Utworzono zespół: { $subject }
audit-do-brand-update = Zmieniono markę firmy: { $subject }
audit-do-team-delete = Usunięto zespół: { $subject }
audit-do-team-rename = Zmieniono nazwę zespołu: { $subject }
audit-do-user-create = Utworzono konto: { $subject }
audit-do-user-deactivate = Dezaktywowano konto: { $subject }
audit-do-user-edit = Zmieniono dane konta: { $subject }
audit-do-user-invite = Wysłano zaproszenie: { $subject }
audit-do-user-reactivate = Przywrócono konto: { $subject }
audit-do-user-reinvite = Ponownie wysłano zaproszenie: { $subject }
audit-do-user-role-ambassador = Nadano rolę ambasadora: { $subject }

## E-maile (zwykły tekst)

email-invite-subject = Zaproszenie do programu ambasadorskiego
email-invite-body =
    Cześć, { $name }!

    { $inviter } zaprasza Cię do programu ambasadorskiego w Twojej firmie, prowadzonego w Ambasadzie.

    Aby dołączyć, ustaw swoje hasło:
    { $link }

    Link jest ważny przez 7 dni i można go użyć tylko raz. Jeśli nie spodziewasz się tego zaproszenia, po prostu zignoruj tę wiadomość.
email-reset-subject = Ustaw nowe hasło w Ambasadzie
email-reset-body =
    Cześć, { $name }!

    Otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta. Możesz to zrobić tutaj:
    { $link }

    Link jest ważny przez godzinę i można go użyć tylko raz. Jeśli to nie Ty prosisz o zmianę hasła, zignoruj tę wiadomość – Twoje obecne hasło nadal działa.

## Biblioteka treści, gotowe posty i udostępnienia

nav-feed = Gotowe posty
nav-shares = Moje udostępnienia
nav-linkedin = Moje posty na LinkedIn
nav-content = Biblioteka treści
nav-programs = Programy

action-edit = Edytuj

field-title = Tytuł
field-category = Kategoria
field-target-url = Link docelowy
field-hashtags = Hashtagi
field-image = Grafika
field-starts-at = Dostępna od
field-expires-at = Dostępna do
field-network = Sieć społecznościowa
field-post-url = Link do posta
field-topic = Temat posta
field-purpose = Cel programu
field-slug = Krótka nazwa (w adresach)

status-draft = Szkic
status-submitted = Do akceptacji
status-approved = Zaakceptowana
status-rejected = Odrzucona
status-published = Opublikowana
status-expired = Wygasła

category-employer-branding = Employer branding
category-company-life = Życie firmy
category-product = Produkt
category-job-offer = Oferta pracy
category-event = Wydarzenie

content-title = Biblioteka treści
content-new = Nowa treść
content-edit = Edytuj treść
content-back = Wróć do treści
content-all = Wszystkie
content-all-programs = wszystkie programy
content-all-teams = wszystkie zespoły
content-count =
    { $count ->
        [one] { $count } treść
        [few] { $count } treści
        [many] { $count } treści
       *[other] { $count } treści
    }
content-none = Nie ma tu jeszcze żadnych treści.
search-posts = Szukaj postów (tytuł, treść, hashtagi)
search-none = Żaden post nie pasuje do „{ $q }”.
content-status = Status
content-author = Autor(ka)
content-by = autor(ka): { $name }
content-shares = Udostępnienia
content-choose = Wybierz kategorię
content-form-problems = Popraw zaznaczone pola i spróbuj ponownie.
content-target-help = Strona, do której prowadzi post, np. oferta pracy albo artykuł na blogu. Każdy ambasador dostanie do niej własny link śledzący.
content-texts = Proponowany tekst
content-texts-help = Napisz tekst dla każdej sieci, w której ten post ma się pojawić (co najmniej dla jednej). Pomiń sieć, do której treść nie pasuje. Nie wklejaj linku – link śledzący dodamy na końcu automatycznie.
content-x-link-note = w X link zajmuje zawsze 23 znaki
content-image-help = PNG, JPEG lub WebP, najwyżej 5 MB.
content-remove-image = Usuń grafikę
content-starts-help = Zostaw puste, a treść będzie dostępna od razu po akceptacji.
content-no-expiry = bez terminu
content-target-programs = Programy docelowe
content-target-programs-help = Jeśli nie zaznaczysz żadnego programu, treść trafi do wszystkich.
content-target-teams = Zespoły docelowe
content-target-teams-help = Jeśli nie zaznaczysz żadnego zespołu, treść zobaczą ambasadorzy ze wszystkich zespołów.
content-save-draft = Zapisz szkic
content-save-submit = Zapisz i wyślij do akceptacji
content-submit = Wyślij do akceptacji
content-approve = Zaakceptuj
content-reject = Odrzuć
content-withdraw = Wycofaj teraz
content-withdraw-help = Wpis od razu znika z propozycji do udostępnienia, a jego linki przestają prowadzić do strony.
content-reject-reason = Powód odrzucenia (zobaczy go autor lub autorka treści)
content-rejected-because = Treść została odrzucona. Powód:
content-history = Historia zmian
content-system = system
content-suggest = Zaproponuj treść
content-suggest-intro = Masz pomysł na post? Opisz go tutaj. Koordynator(ka) programu przejrzy Twoją propozycję, a po akceptacji trafi ona do gotowych postów dla ambasadorów z Twojego programu.
content-send-suggestion = Wyślij propozycję

feed-title = Gotowe posty
feed-intro = Gotowe posty przygotowane dla Twojego programu. Wybierz jeden, dopasuj tekst do siebie i udostępnij go w swojej sieci.
feed-no-program = Nie należysz jeszcze do żadnego programu ambasadorskiego. Jeśli chcesz dołączyć, napisz do koordynatora lub koordynatorki programu.
feed-my-language = Pokaż tylko posty w moim języku
feed-all-languages = Pokaż posty we wszystkich językach
feed-empty = Na razie nie ma dla Ciebie żadnych gotowych postów. Zajrzyj tu później albo zaproponuj własny.
feed-share = Udostępnij
feed-shared-times =
    { $count ->
        [one] udostępniono { $count } raz
        [few] udostępniono { $count } razy
        [many] udostępniono { $count } razy
       *[other] udostępniono { $count } razy
    }

share-networks = Sieci społecznościowe
share-rewrite = Napisz ten post po swojemu. Gdy wiele osób z firmy publikuje identyczny tekst, wygląda to nienaturalnie i mniej się mu wierzy. Najlepiej działają Twoje własne słowa i doświadczenia – zmień choćby początek i dodaj coś od siebie.
share-your-text = Twój tekst do serwisu { $network }
share-personalisation = Personalizacja tekstu
share-done-title = Udostępniono w serwisie { $network }. Dziękujemy!
share-done-clicks = { $count ->
    [one] { $count } kliknięcie w Twoje linki do tego posta do tej pory
    [few] { $count } kliknięcia w Twoje linki do tego posta do tej pory
   *[many] { $count } kliknięć w Twoje linki do tego posta do tej pory
}
share-done-clicks-hint = (tylko ludzie, wszystkie Twoje sieci; kliknięcia spływają przez kolejne dni)
share-next = Następny post: { $title }
share-back-to-feed = Wróć do gotowych postów
share-again = Udostępnij jeszcze raz
share-advice = Jak dobrze udostępnić
share-preview = Jak będzie wyglądał link
share-preview-hint = Sieć buduje podgląd ze strony, do której prowadzi link; jej tytuł i obrazek mogą się różnić.
share-image-download = Pobierz obrazek
share-personalised = Świetnie, ten tekst brzmi jak Twój.
share-not-personalised = Tekst jest jeszcze bardzo podobny do proponowanego – napisz go bardziej po swojemu.
share-on = Udostępnij w serwisie { $network }
share-how = Przycisk skopiuje Twój tekst razem z linkiem śledzącym i otworzy w nowej karcie stronę udostępniania wybranej sieci. Wklej tam tekst i opublikuj post. LinkedIn (a także Facebook i XING) przyjmuje tylko link, więc tekst wklejasz samodzielnie; w X tekst będzie już wpisany.
share-near-identical = Ktoś z Twoich współpracowników udostępnił dziś prawie taki sam tekst tego posta. Zmień go trochę, żeby Twój post nie wyglądał jak kopia.
share-ready = Gotowe! Teraz opublikuj post
share-final-text = Twój tekst z linkiem śledzącym
share-link = Twój link śledzący
share-open = Otwórz udostępnianie w serwisie { $network }
share-confirm-title = Post już opublikowany? Potwierdź udostępnienie
share-post-url = Link do Twojego posta w serwisie { $network } (opcjonalnie)
share-confirm = Potwierdzam publikację
share-yours = Twoje udostępnienia tego posta
share-post = Zobacz post
share-suggested = Proponowany tekst

shares-title = Moje udostępnienia
shares-own-title = Zapisz własny post
shares-own-intro = Post, który napiszesz od początku do końca sam(a), bez gotowego tekstu, też się liczy. Podaj sieć i link do posta, a zapiszemy go jako Twoje udostępnienie.
shares-own-submit = Zapisz post
shares-own-badge = własny post
shares-none = Nie masz jeszcze żadnych udostępnień.
shares-what = Post

programs-title = Programy ambasadorskie
programs-none = Nie ma jeszcze żadnych programów.
programs-new = Nowy program
programs-create = Utwórz program
programs-coordinator = Koordynator(ka)
programs-members = Uczestnicy
programs-limit = Dzienny limit udostępnień
programs-limit-help = Ile udostępnień dziennie może zapisać jeden ambasador. 0 oznacza brak limitu.
programs-slug-help = Krótka nazwa programu w adresach i raportach: małe litery, cyfry i myślniki. Zostaw puste, a utworzymy ją z nazwy.
programs-add-member = Adres e-mail osoby, którą chcesz dodać
programs-add = Dodaj
programs-no-members = W tym programie nie ma jeszcze nikogo.
programs-joined = Data dołączenia
programs-remove = Usuń z programu

error-category = Wybierz kategorię.
error-url = Podaj pełny adres strony zaczynający się od https://.
error-datetime = Podaj poprawną datę i godzinę.
error-expiry-before-start = Data końca musi być późniejsza niż data początku.
error-text-required = Wpisz tekst co najmniej dla jednej sieci.
error-text-too-long = Tekst jest za długi: ma { $length } znaków, a zmieści się najwyżej { $limit }.
error-hashtag = „{ $tag }” to nie jest poprawny hashtag. Hashtag może zawierać tylko litery, cyfry i znak _ (najwyżej 50 znaków).
error-hashtags-too-many = Możesz dodać najwyżej { $max } hashtagów.
error-image-too-large = Grafika jest za duża. Prześlij plik, który ma najwyżej 5 MB.
error-image-type = Ten plik nie jest obsługiwaną grafiką. Prześlij plik PNG, JPEG lub WebP.
error-upload = Nie udało się przesłać formularza. Spróbuj ponownie.
error-program = Wybrany program nie istnieje.
error-content-changed = W międzyczasie ktoś zmienił tę treść. Sprawdź jej aktualną wersję i spróbuj ponownie.
error-transition-not-allowed = Tego kroku nie można wykonać przy obecnym statusie treści. Odśwież stronę i sprawdź, co się zmieniło.
error-transition-role = Nie możesz wykonać tego kroku dla tej treści.
error-reject-reason = Podaj powód odrzucenia – autor lub autorka zobaczy go przy treści.
error-network = Wybierz sieć społecznościową z listy.
error-post-url = To nie wygląda na link do posta w serwisie { $network }. Wklej pełny adres posta zaczynający się od https://.
error-daily-limit = Dzienny limit udostępnień w tym programie ({ $limit }) został już osiągnięty. Spróbuj ponownie jutro.
error-slug = Krótka nazwa może zawierać tylko małe litery bez polskich znaków, cyfry i myślniki (najwyżej 60 znaków).
error-slug-taken = Program o takiej krótkiej nazwie już istnieje.
error-coordinator = Wybierz osobę z listy koordynatorów.
error-share-limit = Podaj liczbę całkowitą od 0 do 100.
error-member-not-ambassador = Ta osoba nie jest jeszcze ambasadorem. Może ją dodać administrator – wtedy otrzyma tę rolę.
error-member-unknown = Nie ma aktywnej osoby z tym adresem e-mail. Najpierw ją zaproś.

flash-content-saved = Zapisano treść.
flash-content-submitted = Treść została wysłana do akceptacji.
flash-content-approved = Treść została zaakceptowana. Ambasadorzy zobaczą ją od daty początku.
flash-content-rejected = Treść została odrzucona. Autor lub autorka zobaczy powód.
flash-content-withdrawn = Wpis został wycofany. Jego linki już nigdzie nie prowadzą.
flash-suggestion-sent = Dziękujemy za propozycję! Koordynator(ka) programu wkrótce ją przejrzy.
flash-shared = Dziękujemy! Udostępnienie zapisane – personalizacja tekstu: { $arg }%.
flash-shared-similar = Dziękujemy! Udostępnienie zapisane – personalizacja tekstu: { $arg }%. Twój tekst jest jednak prawie taki sam jak ten, który ktoś z Twoich współpracowników udostępnił dziś. Następnym razem napisz go bardziej po swojemu.
flash-own-post = Zapisano Twój własny post. Dziękujemy!
flash-program-created = Utworzono program „{ $arg }”.
flash-member-added = Osoba { $arg } została dodana do programu.
flash-member-removed = Osoba została usunięta z programu.

## Śledzenie kliknięć, strona kariery i rekrutacja

nav-jobs = Oferty pracy
nav-applications = Aplikacje

links-title = Kliknięcia w Twoje linki
links-help = Liczymy kliknięcia w Twoje linki śledzące we wszystkich sieciach, bez robotów i podglądów linków tworzonych przez serwisy społecznościowe. Osoba, która kliknie kilka razy tego samego dnia, liczy się jako jeden unikalny odwiedzający. Konwersja to np. aplikacja na ofertę pracy wysłana w ciągu 30 dni od kliknięcia.
links-none = Nie masz jeszcze żadnych linków śledzących. Udostępnij gotowy post, a zobaczysz tu, ile osób w niego kliknęło.
links-title-item = Kliknięcia i konwersje według sieci
links-clicks = Kliknięcia
links-unique = Unikalni odwiedzający
links-bots = Roboty i podglądy linków
links-conversions = Konwersje

careers-title = Praca u nas
careers-intro = Zobacz, kogo teraz szukamy, i dołącz do naszego zespołu.
careers-about = O nas
careers-about-company = O firmie { $company }
careers-none = Obecnie nie mamy otwartych ofert pracy. Zajrzyj tu wkrótce!
careers-see-offer = Zobacz ofertę
careers-apply = Aplikuj na to stanowisko
careers-profile-url = Link do profilu lub portfolio
careers-message = Kilka słów o sobie (opcjonalnie)
careers-cv = CV
careers-cv-help = Opcjonalnie. Plik PDF, najwyżej 5 MB.
careers-send = Wyślij aplikację
careers-closed = Rekrutacja na to stanowisko została zakończona. Zobacz nasze pozostałe oferty pracy.
careers-form-problems = Popraw zaznaczone pola i spróbuj ponownie.
careers-consent-default = Wyrażam zgodę na przetwarzanie moich danych osobowych przez pracodawcę na potrzeby tej rekrutacji.

jobs-title = Oferty pracy
jobs-public-page = Zobacz stronę kariery
jobs-none = Nie ma jeszcze żadnych ofert pracy.
jobs-location = Lokalizacja
jobs-status = Status
jobs-status-open = Otwarta
jobs-status-closed = Zamknięta
jobs-applications = Aplikacje
jobs-applications-count =
    { $count ->
        [one] { $count } aplikacja
        [few] { $count } aplikacje
        [many] { $count } aplikacji
       *[other] { $count } aplikacji
    }
jobs-new = Nowa oferta pracy
jobs-contract = Rodzaj umowy
jobs-description = Opis stanowiska
jobs-description-help = Możesz używać formatowania Markdown: nagłówków (## Wymagania), list (- punkt), pogrubienia (**tekst**) i linków ([tekst](https://…)).
jobs-open = Oferta otwarta – widoczna na stronie kariery i przyjmuje aplikacje
jobs-public-link = Publiczny link
jobs-consent-title = Zgoda na przetwarzanie danych osobowych
jobs-consent-help = Kandydaci zobaczą ten tekst przy polu wyboru w każdym formularzu aplikacyjnym. Bez zaznaczenia zgody nie da się wysłać aplikacji, a jej treść zapisujemy razem z aplikacją. Zostaw pole puste, aby użyć tekstu domyślnego.

contract-employment = Umowa o pracę
contract-b2b = B2B
contract-mandate = Umowa zlecenie
contract-internship = Staż

applications-title = Aplikacje
applications-referrals = Polecenia
applications-none = Nie ma tu jeszcze żadnych aplikacji.
applications-offer = Oferta pracy
applications-stage = Etap
applications-source = Źródło
applications-referral = Polecenie
applications-direct = Bezpośrednio
applications-direct-long = Ta aplikacja wpłynęła bezpośrednio, a nie przez link śledzący ambasadora, więc nie jest poleceniem.
applications-ambassador = Ambasador(ka)
applications-item = Treść
applications-program = Program
applications-download-cv = Pobierz CV (PDF)
applications-consent-given = Udzielona zgoda
applications-move-to = Przenieś do etapu
applications-move = Przenieś

stage-new = Nowa
stage-screening = Wstępna selekcja
stage-interview = Rozmowa
stage-offer = Oferta
stage-hired = Zatrudnienie
stage-rejected = Odrzucona

referrals-title = Polecenia
referrals-intro = Polecenie to aplikacja, która wpłynęła w ciągu 30 dni od kliknięcia w link śledzący ambasadora (liczy się ostatnie kliknięcie). Sprawdź, którzy ambasadorzy, sieci i treści przyprowadzają najwięcej kandydatów.
referrals-by-ambassador = Według ambasadorów
referrals-by-network = Według sieci
referrals-by-item = Według treści
referrals-none = Nie ma jeszcze żadnych poleceń.
referrals-hires = Zatrudnienia

error-link-not-found = Ten link nie działa. Być może zawiera błąd albo post, do którego prowadził, jest już nieaktualny.
error-offer-closed = Ta oferta pracy jest już zamknięta i nie przyjmuje aplikacji.
error-apply-rate = Z tego adresu IP wysłano w ostatniej godzinie zbyt wiele aplikacji. Spróbuj ponownie za godzinę.
error-consent = Aby wysłać aplikację, zaznacz zgodę na przetwarzanie danych osobowych.
error-cv-too-large = Plik CV jest za duży. Prześlij plik PDF, który ma najwyżej 5 MB.
error-cv-type = CV musi być plikiem PDF.
error-contract-type = Wybierz rodzaj umowy z listy.
error-stage = Tej aplikacji nie można przenieść do wybranego etapu. Aplikacji na etapie „Zatrudnienie” nie można już przenosić. Odśwież stronę i sprawdź jej obecny etap.

flash-applied = Dziękujemy za aplikację! Potwierdzenie wysłaliśmy na Twój adres e-mail.
flash-offer-created = Dodano ofertę pracy „{ $arg }”.
flash-stage-moved = Aplikacja została przeniesiona do nowego etapu.

email-applied-subject = Dziękujemy za aplikację: { $offer }
email-applied-body =
    Cześć, { $name }!

    Dziękujemy za Twoją aplikację na stanowisko „{ $offer }”. Otrzymaliśmy ją i przekazaliśmy osobie prowadzącej rekrutację, która zapozna się z nią i skontaktuje się z Tobą.

    W międzyczasie zobacz nasze pozostałe oferty pracy:
    { $link }

    Ta wiadomość została wysłana automatycznie – nie musisz na nią odpowiadać.

## Cele i ankieta eNPS
nav-enps = eNPS
programs-cadence = Spotkanie podsumowujące
programs-cadence-help = Jak często spotykasz się z ambasadorami, żeby omówić wyniki. W większości programów sprawdza się raz w miesiącu.
cadence-weekly = Co tydzień
cadence-biweekly = Co dwa tygodnie
cadence-monthly = Co miesiąc
cadence-quarterly = Co kwartał
error-cadence = Wybierz, jak często odbywa się spotkanie podsumowujące.
goals-title = Cele
goals-intro = Mierzalne cele z wartością docelową i okresem. Postęp wyliczamy z danych zapisanych w platformie; znacznik na pasku pokazuje, jaka część okresu już minęła.
goals-none = Nie ma jeszcze celów. Program bez mierzalnego celu nie wie, czy działa.
goals-target = Wartość docelowa
goals-now = Teraz
goals-time-elapsed = Upłynęło czasu
goals-no-data = jeszcze brak danych
goals-new = Dodaj cel
goals-metric = Miara
goals-start = Od
goals-end = Do (włącznie)
goals-add = Dodaj cel
goals-delete-confirm = Usunąć ten cel?
error-metric = Wybierz miarę z listy.
error-goal-target = Podaj dodatnią wartość docelową: liczbę całkowitą albo, dla wskaźników, procent do 100.
error-goal-period = Podaj okres, który kończy się po swoim początku i trwa najwyżej dwa lata.
flash-goal-added = Cel dodany.
flash-goal-deleted = Cel usunięty.
metric-shares = Udostępnienia
metric-clicks = Kliknięcia
metric-unique-visitors = Unikalni odwiedzający
metric-applications = Aplikacje
metric-hires = Zatrudnienia
metric-participation-rate = Wskaźnik uczestnictwa
metric-plan-realisation = Realizacja planu
metric-training-completion = Ukończenie szkoleń
metric-active-ambassadors = Aktywni ambasadorzy
goal-status-achieved = Osiągnięty
goal-status-on_track = Zgodnie z planem
goal-status-behind = Opóźniony
goal-status-no_data = Jeszcze brak danych
goal-status-not_started = Jeszcze się nie zaczął
goal-status-missed = Nieosiągnięty
enps-title = Ankieta eNPS
enps-intro = Anonimowe pytanie do wszystkich pracowników: na ile prawdopodobne jest, że polecisz nas jako pracodawcę? To, kto odpowiedział, przechowujemy osobno od odpowiedzi, a wyniki pokazujemy dopiero od 5 odpowiedzi.
enps-none = Nie było jeszcze żadnej ankiety.
enps-open = Otwórz nową ankietę
enps-open-badge = otwarta
enps-close-too-few = Na razie jest mniej niż { $count ->
    [one] { $count } odpowiedź
    [few] { $count } odpowiedzi
   *[many] { $count } odpowiedzi
}. Zamknięcie teraz zakończy ankietę bez wyniku: żeby odpowiedzi pozostały anonimowe, wynik i komentarze pokazujemy dopiero od { $count } odpowiedzi, a zamknięta ankieta nie przyjmie kolejnych. Poczekaj na więcej odpowiedzi albo zamknij ją mimo to.
enps-close-understood = Rozumiem: ta ankieta nie będzie miała wyniku
enps-close-anyway = Zamknij bez wyniku
error-enps-close-too-few = Ankieta jest nadal otwarta: ma za mało odpowiedzi, by pokazać wynik. Zaznacz „Rozumiem”, aby ją mimo to zamknąć.
enps-close = Zamknij ankietę
enps-survey-of = Ankieta z { $date }
enps-answers = { $count ->
    [one] { $count } odpowiedź
    [few] { $count } odpowiedzi
    [many] { $count } odpowiedzi
   *[other] { $count } odpowiedzi
}
enps-breakdown = Promotorzy / neutralni / krytycy
enps-too-few = { $count ->
    [one] Wyniki pojawią się od { $count } odpowiedzi.
    [few] Wyniki pojawią się od { $count } odpowiedzi.
    [many] Wyniki pojawią się od { $count } odpowiedzi.
   *[other] Wyniki pojawią się od { $count } odpowiedzi.
}
flash-enps-opened = Ankieta jest otwarta dla wszystkich pracowników.
flash-enps-closed = Ankieta zamknięta.
pulse-title = Krótka ankieta
pulse-anonymous = Anonimowo: Twoja odpowiedź jest zapisywana bez Twojego nazwiska, a wyniki pokazujemy dopiero od 5 odpowiedzi.
pulse-question = Na ile prawdopodobne jest, że polecisz nas jako pracodawcę?
pulse-scale = 0 = zupełnie nieprawdopodobne, 10 = bardzo prawdopodobne
pulse-comment = Chcesz coś dodać? (opcjonalnie)
pulse-send = Wyślij odpowiedź
pulse-answered = Dziękujemy, ta ankieta ma już Twoją odpowiedź.
pulse-none = W tej chwili nie ma otwartej ankiety.
flash-enps-thanks = Dziękujemy za odpowiedź.
error-enps-score = Wybierz liczbę od 0 do 10.
error-enps-closed = Ankieta jest już zamknięta.
error-enps-answered = Na tę ankietę już odpowiedziałeś lub odpowiedziałaś.
home-pulse = Czeka na Ciebie krótkie anonimowe pytanie (minuta).
programs-name = Nazwa programu

## Wybór ambasadorów: zgłoszenia do programów, kandydaci
nav-join = Dołącz do programu
join-title = Programy ambasadorskie
profile-programs = Moje programy
profile-programs-none = Nie uczestniczysz jeszcze w żadnym programie ambasadorskim.
join-intro = Udział jest dobrowolny. Zgłoś się do programu, który Ci odpowiada – koordynator przeczyta każde zgłoszenie. Możesz zrezygnować w każdej chwili.
join-member = Jesteś tu ambasadorem
join-leave = Zrezygnuj z udziału
join-leave-confirm = Zrezygnować z udziału w programie? Twoje dotychczasowe udostępnienia pozostaną zapisane.
join-status-pending = Zgłoszenie czeka na decyzję
join-status-waitlisted = Na liście oczekujących
join-withdraw = Wycofaj zgłoszenie
join-declined-before = Twoje poprzednie zgłoszenie nie zostało przyjęte. Możesz zgłosić się ponownie.
join-apply = Zgłoś się
join-apply-to = Zgłoszenie do programu { $program }
join-form-intro = Kilka pytań, dzięki którym koordynator zobaczy, gdzie najlepiej się odnajdziesz. To zajmie dwie minuty.
join-networks = Sieci, z których korzystasz
join-frequency = Jak często publikujesz?
frequency-never = Prawie wcale
frequency-monthly = Kilka razy w miesiącu
frequency-weekly = Co tydzień
frequency-daily = Prawie codziennie
join-sizes = Ile mniej więcej masz kontaktów lub obserwujących?
join-topics = Tematy, o których lubisz pisać
join-topics-example = np. technologia, rekrutacja, nasze produkty
join-motivation = Jednym zdaniem: dlaczego chcesz wziąć udział?
join-consent = Znam zasady programu i wytyczne firmy dotyczące mediów społecznościowych.
join-send = Wyślij zgłoszenie
candidates-title = Kandydaci
candidates-intro = Kolejność według przejrzystej punktacji; pod każdym nazwiskiem widać, co się na nią złożyło. Liczy się jakość, nie liczba.
candidates-capacity = Limit miejsc (puste: bez limitu)
candidates-members = { $count ->
    [one] { $count } ambasador obecnie
    [few] { $count } ambasadorów obecnie
    [many] { $count } ambasadorów obecnie
   *[other] { $count } ambasadora obecnie
}
candidates-none = Nikt nie czeka na decyzję.
candidates-motivation = Dlaczego chce wziąć udział
candidates-topics = Tematy, o których chce pisać
candidates-message = Wiadomość do kandydata (wyślemy ją e-mailem)
candidates-accept = Przyjmij
candidates-waitlist = Lista oczekujących
candidates-decline = Odrzuć
score-frequency = Częstotliwość publikacji
score-reach = Zasięg
score-networks = Używane sieci
score-topics = Tematy
score-motivation = Motywacja
error-already-member = Już jesteś ambasadorem w tym programie.
error-already-applied = Twoje zgłoszenie do tego programu już czeka na decyzję.
error-networks = Wybierz co najmniej jedną sieć.
error-frequency = Wybierz, jak często publikujesz.
error-motivation = Napisz przynajmniej jedno pełne zdanie (co najmniej 20 znaków).
error-program-rules = Potwierdź, że znasz zasady programu.
error-decision = Wybierz: przyjmij, lista oczekujących albo odrzuć.
error-program-full = W programie nie ma wolnych miejsc. Dodaj kandydata do listy oczekujących albo zwiększ limit.
error-capacity = Podaj liczbę całkowitą od 1 albo zostaw pole puste.
flash-applied-program = Zgłoszenie do programu { $arg } zostało wysłane.
flash-withdrawn = Zgłoszenie wycofane.
flash-left-program = Zrezygnowano z udziału w programie { $arg }.
flash-decided = Decyzja w sprawie: { $arg } zapisana i wysłana e-mailem.
email-decision-accepted-subject = Witamy w programie { $program }
email-decision-accepted-body = Cześć { $name },

    Twoje zgłoszenie do programu { $program } zostało przyjęte. Witamy na pokładzie!

    { $message }

    Gotowe posty i szkolenia znajdziesz w Ambasadzie.
email-decision-declined-subject = Twoje zgłoszenie do programu { $program }
email-decision-declined-body = Cześć { $name },

    dziękujemy za zgłoszenie do programu { $program }. Tym razem nie możemy go przyjąć.

    { $message }
email-decision-waitlisted-subject = Twoje zgłoszenie do programu { $program }: lista oczekujących
email-decision-waitlisted-body = Cześć { $name },

    dziękujemy za zgłoszenie do programu { $program }. Jesteś na liście oczekujących – odezwiemy się, gdy zwolni się miejsce.

    { $message }

## Kondycja programu
health-title = Kondycja programu
health-intro = Ostrzeżenia, zanim program się nie uda – według czterech powodów, dla których takie programy zawodzą: słaba reputacja pracodawcy, zły dobór ambasadorów, brak zaprojektowania programu i brak korzyści dla uczestników; do tego cierpliwość, której wymagają wyniki.
health-level-green = W dobrej kondycji
health-level-amber = Wymaga uwagi
health-level-red = Zagrożony
health-fix-enps = Przeprowadź ankietę eNPS
health-fix-candidates = Przejrzyj kandydatów
health-fix-members = Zobacz ambasadorów
health-fix-profile = Poproś ambasadorów o uzupełnienie profili
health-fix-coordinator = Wyznacz koordynatora
health-fix-goals = Wyznacz cel
health-enps = Reputacja pracodawcy (eNPS)
health-reviewed = Ambasadorzy wybrani ze zgłoszeń
health-active = Aktywni ambasadorzy
health-linkedin = Profile na LinkedIn
health-goal = Cel programu
health-coordinator = Koordynator
health-training = Szkolenia
health-training-completion = Ukończenie szkoleń
health-review = Regularne podsumowania
health-benefit = Nagrody dla ambasadorów
health-age = Konsekwencja
health-enps-none = Żadna ankieta eNPS nie ma jeszcze wyników – przeprowadź ją, żeby wiedzieć, jak pracownicy postrzegają firmę.
health-enps-negative = eNPS wynosi { $score }: najpierw popraw wizerunek pracodawcy, zanim poprosisz pracowników, żeby go promowali.
health-enps-low = eNPS wynosi { $score }: pracownicy są letni – ambasadorom może być trudno brzmieć przekonująco.
health-enps-good = eNPS wynosi { $score }: pracownicy polecają firmę.
health-no-ambassadors = Program nie ma jeszcze ambasadorów – przejrzyj kandydatów.
health-reviewed-ok = { $percent }% ambasadorów dodano bez zgłoszenia.
health-reviewed-few = { $count } z { $members } ambasadorów ({ $percent }%) dodano bez rozpatrzenia zgłoszenia: liczy się jakość, nie liczba.
health-active-ok = { $percent }% ambasadorów nic nie udostępniło od 30 dni.
health-active-few = { $count } z { $members } ambasadorów ({ $percent }%) nic nie udostępniło od 30 dni.
health-linkedin-ok = { $count ->
    [0] Wszyscy ambasadorzy mają w profilu link do LinkedIn.
    [one] Jeden ambasador nie ma w profilu linku do LinkedIn.
    [few] { $count } ambasadorów nie ma w profilu linku do LinkedIn.
   *[many] { $count } ambasadorów nie ma w profilu linku do LinkedIn.
}
health-linkedin-missing = { $count } z { $members } ambasadorów ({ $percent }%) nie ma w profilu linku do LinkedIn.
health-goal-set = Program ma cel na bieżący okres.
health-goal-none = Żaden cel nie obejmuje bieżącego okresu: wybierz miarę, wartość docelową i okres.
health-coordinator-set = Program ma koordynatora.
health-coordinator-none = Nikt nie koordynuje programu: wyznacz koordynatora.
health-training-required = Wymagany kurs przygotowuje ambasadorów.
health-training-available = Dostępne kursy: { $courses }.
health-training-none = Nie ma opublikowanego kursu: ambasadorzy nie dostają szkolenia.
health-completion-ok = { $percent }% ambasadorów ukończyło szkolenie.
health-completion-low = Tylko { $percent }% ambasadorów ukończyło szkolenie.
health-review-none = Nie opublikowano jeszcze żadnego podsumowania (spotkania co { $cadence } dni): zorganizuj spotkanie i opublikuj podsumowanie.
health-review-recent = Ostatnie podsumowanie było { $days ->
    [0] dzisiaj
    [one] wczoraj
   *[other] { $days } dni temu
} – zgodnie z rytmem co { $cadence } dni.
health-review-late = Ostatnie podsumowanie było { $days } dni temu – dłużej niż rytm co { $cadence } dni.
health-review-overdue = Ostatnie podsumowanie było { $days } dni temu – znacznie dłużej niż rytm co { $cadence } dni.
health-benefit-ok = Ambasadorzy zdobywają punkty i mogą wymieniać je na nagrody.
health-age-young = Na wyniki trzeba 6–9 miesięcy; program działa od { $days ->
    [one] jednego dnia
   *[other] { $days } dni
}.
health-age-keep-going = Program działa od { $days } dni: nie ustawaj, wyniki przychodzą po 6–9 miesiącach.
health-age-mature = Program działa od { $days } dni: miał czas, żeby pokazać wyniki.

## Szkolenia (C4)

nav-training = Szkolenia
nav-courses = Kursy
training-title = Szkolenia
training-intro = Krótkie kursy o pisaniu postów, reagowaniu na posty innych i robieniu grafik. Przeczytaj lekcje, a potem rozwiąż quiz; możesz podchodzić do niego dowolnie wiele razy.
training-none = Nie opublikowano jeszcze żadnych kursów.
training-required-notice = Twój program prosi, żebyś przed pierwszym udostępnieniem ukończył(a) kurs „{ $title }”.
training-open-course = Otwórz kurs
training-lessons-count =
    { $count ->
        [one] { $count } lekcja
        [few] { $count } lekcje
        [many] { $count } lekcji
       *[other] { $count } lekcji
    }
training-questions-count =
    { $count ->
        [one] { $count } pytanie w quizie
        [few] { $count } pytania w quizie
        [many] { $count } pytań w quizie
       *[other] { $count } pytania w quizie
    }
training-attempts =
    { $count ->
        [one] { $count } podejście
        [few] { $count } podejścia
        [many] { $count } podejść
       *[other] { $count } podejścia
    }
training-standing-not-started = Nierozpoczęty
training-standing-in-progress = W trakcie
training-standing-completed = Ukończony
training-progress = Postęp
training-lessons = Lekcje
training-no-lessons = Ten kurs nie ma jeszcze lekcji.
training-read = Przeczytana
training-continue = Kontynuuj
training-lesson = Lekcja
training-previous = Poprzednia
training-next = Dalej
training-mark-read = Oznacz jako przeczytaną i przejdź dalej
training-quiz = Quiz
training-quiz-help = Odpowiedz na wszystkie pytania; niektóre mają więcej niż jedną poprawną odpowiedź.
training-pass-mark-is = Próg zaliczenia: { $percent }%.
training-quiz-passed = Quiz zaliczony
training-best-score = Najlepszy wynik
training-quiz-take = Rozwiąż quiz
training-quiz-retake = Spróbuj ponownie
training-quiz-submit = Sprawdź odpowiedzi
training-quiz-result-passed = Zaliczone!
training-quiz-result-failed = Jeszcze niezaliczone.
training-score = Wynik
training-quiz-retry-hint = Na pytania oznaczone niżej odpowiedziałeś(-aś) błędnie. Jeśli chcesz, przeczytaj lekcje jeszcze raz, popraw odpowiedzi i spróbuj ponownie.
training-quiz-lessons-left = Przeczytaj pozostałe lekcje, aby ukończyć kurs.
training-course-completed = Kurs ukończony
training-back-to-course = Wróć do kursu
training-pick-one = Wybierz jedną odpowiedź.
training-pick-all = Zaznacz wszystkie poprawne odpowiedzi.
training-answer-wrong = Ta odpowiedź jest błędna.
training-error-choices-few = Podaj co najmniej dwie odpowiedzi, każdą w osobnym wierszu.
training-error-choices-many = Podaj najwyżej 10 odpowiedzi.
training-error-choices-correct = Oznacz co najmniej jedną poprawną odpowiedź gwiazdką * na początku wiersza.
training-error-choices-long = Odpowiedź może mieć najwyżej 300 znaków.
training-error-language = Wybierz polski albo angielski.
training-error-pass-mark = Podaj próg zaliczenia od 1 do 100 (w procentach).
training-error-required-unpublish = Tego kursu wymaga program: { $programs }. Zanim wycofasz publikację, zdejmij tam ten wymóg.
training-error-position = Podaj pozycję od 1 do 1000 albo zostaw puste pole, aby dodać na końcu.
courses-title = Kursy
courses-none = Nie ma jeszcze kursów. Utwórz pierwszy poniżej.
courses-new = Nowy kurs
courses-create = Utwórz kurs
courses-course-title = Tytuł
courses-description = Opis
courses-language = Język
courses-pass-mark = Próg zaliczenia (%)
courses-pass-mark-help = Jaka część pytań quizu musi mieć poprawne odpowiedzi, od 1 do 100.
courses-publish = Opublikowany (ambasadorzy widzą kurs)
courses-published = Opublikowany
courses-draft = Szkic
courses-completed = Ukończyli
courses-in-progress = W trakcie
courses-not-started = Nie rozpoczęli
courses-progress = Ukończenia
courses-preview = Podgląd
courses-markdown-help = Markdown: **pogrubienie**, *kursywa*, listy, [linki](https://example.com) i obrazy ![opis](https://example.com/obraz.png). HTML jest pokazywany jako tekst.
courses-lessons-help = Lekcje czyta się w kolejności ich pozycji.
courses-new-lesson = Nowa lekcja
courses-lesson-title = Tytuł lekcji
courses-lesson-body = Treść lekcji
courses-position = Pozycja
courses-add-lesson = Dodaj lekcję
courses-delete-confirm = Usunąć na stałe?
courses-quiz-help = Ambasador ukończy kurs, gdy przeczyta wszystkie lekcje i zaliczy quiz. Bez pytań wystarczy przeczytać lekcje.
courses-new-question = Nowe pytanie
courses-question-text = Pytanie
courses-choices = Odpowiedzi
courses-choices-placeholder = *Poprawna odpowiedź
courses-choices-help = Jedna odpowiedź w wierszu; poprawne zacznij od *. Jedna poprawna odpowiedź daje pytanie jednokrotnego wyboru, kilka – wielokrotnego.
courses-single-choice = Jednokrotny wybór
courses-multiple-choice = Wielokrotny wybór
courses-add-question = Dodaj pytanie
courses-required-title = Wymagany przed pierwszym udostępnieniem
courses-required-help = Ambasadorzy programu, który wymaga tego kursu, nie mogą udostępniać, dopóki go nie ukończą.
courses-no-programs = Nie zarządzasz żadnym programem.
courses-required-here = Wymaga tego kursu
courses-required-other = Wymaga innego kursu
courses-require = Wymagaj
courses-unrequire = Przestań wymagać
courses-no-learners = Nie ma jeszcze ambasadorów.
courses-attempts = Podejścia do quizu
courses-standing = Stan
flash-course-created = Utworzono kurs „{ $arg }”. Dodaj lekcje i pytania quizu.
flash-course-completed = Brawo! Ukończyłeś(-aś) kurs „{ $arg }”.
flash-course-required = Program { $arg } wymaga teraz tego kursu przed pierwszym udostępnieniem.
flash-course-not-ready = Zanim program zacznie wymagać kursu, opublikuj go i dodaj co najmniej jedną lekcję lub pytanie.
flash-course-not-required = Program { $arg } nie wymaga już tego kursu.
flash-course-part-deleted = Usunięto.
flash-lesson-added = Dodano lekcję.
flash-lesson-read = Lekcję oznaczono jako przeczytaną.
flash-question-added = Dodano pytanie.
flash-training-required = Najpierw ukończ kurs „{ $arg }” – Twój program wymaga go przed pierwszym udostępnieniem.
health-fix-training = Otwórz kursy
enps-results-after-close = Wyniki pojawią się po zamknięciu ankiety (i co najmniej 5 odpowiedziach) – tak, żeby żadnej pojedynczej odpowiedzi nie dało się odczytać ze zmiany, jaką wprowadza.
# --- in-app notifications and each role's home (helper A) ---
nav-notifications = Powiadomienia
notifications-title = Powiadomienia
notifications-read-all = Oznacz wszystkie jako przeczytane
notifications-none = Nie masz jeszcze żadnych powiadomień.
notifications-new = Nowe
notifications-unread-label = Nieprzeczytane
notifications-count =
    { $count ->
        [one] { $count } powiadomienie
        [few] { $count } powiadomienia
        [many] { $count } powiadomień
       *[other] { $count } powiadomienia
    }
notifications-unread =
    { $count ->
        [one] { $count } nieprzeczytane
        [few] { $count } nieprzeczytane
        [many] { $count } nieprzeczytanych
       *[other] { $count } nieprzeczytanego
    }
flash-notifications-read = Wszystkie powiadomienia oznaczono jako przeczytane.
notification-other = Masz nowe powiadomienie.
notification-content-published = Nowy gotowy post do udostępnienia: „{ $title }”.
notification-plan-due = Czas na zaplanowany post: „{ $subject }” ({ $network }).
notification-content-approved = Twoja treść „{ $title }” została zaakceptowana.
notification-content-rejected = Twoja treść „{ $title }” została odrzucona. Powód: { $reason }
notification-program-candidate = Nowe zgłoszenie do programu { $program }: { $name }.
notification-job-application = Nowa aplikacja na ofertę „{ $offer }”: { $name }.
home-attention = Co czeka na Ciebie
home-attention-none = Nic nie wymaga teraz Twojej uwagi.
home-plan = Mój plan
home-plan-none = Na ten tydzień nie masz więcej zaplanowanych postów.
home-plan-today =
    { $count ->
        [one] Na dziś: { $count } zaplanowany post
        [few] Na dziś: { $count } zaplanowane posty
        [many] Na dziś: { $count } zaplanowanych postów
       *[other] Na dziś: { $count } zaplanowanego postu
    }
home-plan-week =
    { $count ->
        [one] Później w tym tygodniu: { $count } zaplanowany post
        [few] Później w tym tygodniu: { $count } zaplanowane posty
        [many] Później w tym tygodniu: { $count } zaplanowanych postów
       *[other] Później w tym tygodniu: { $count } zaplanowanego postu
    }
home-plan-open = Otwórz
home-plan-all = Cały mój plan
home-new-content =
    { $count ->
        [one] { $count } nowy gotowy post
        [few] { $count } nowe gotowe posty
        [many] { $count } nowych gotowych postów
       *[other] { $count } nowego gotowego postu
    }
home-new-content-all = Wszystkie gotowe posty
home-to-review =
    { $count ->
        [one] { $count } treść czeka na akceptację
        [few] { $count } treści czekają na akceptację
        [many] { $count } treści czeka na akceptację
       *[other] { $count } treści czeka na akceptację
    }
home-to-review-all = Wszystkie treści do akceptacji
home-candidates = Kandydaci czekają na decyzję
home-candidates-waiting =
    { $count ->
        [one] { $count } zgłoszenie
        [few] { $count } zgłoszenia
        [many] { $count } zgłoszeń
       *[other] { $count } zgłoszenia
    }
home-missed = Niezrealizowane posty w tym tygodniu
home-missed-posts =
    { $count ->
        [one] { $count } zaplanowany post
        [few] { $count } zaplanowane posty
        [many] { $count } zaplanowanych postów
       *[other] { $count } zaplanowanego postu
    }
home-red-programs =
    { $count ->
        [one] { $count } program jest zagrożony
        [few] { $count } programy są zagrożone
        [many] { $count } programów jest zagrożonych
       *[other] { $count } programu jest zagrożone
    }
home-my-items = Twoje treści
home-my-rejected =
    { $count ->
        [one] { $count } odrzucona treść
        [few] { $count } odrzucone treści
        [many] { $count } odrzuconych treści
       *[other] { $count } odrzuconej treści
    }
home-my-drafts =
    { $count ->
        [one] { $count } szkic
        [few] { $count } szkice
        [many] { $count } szkiców
       *[other] { $count } szkicu
    }
home-reject-reason = Powód odrzucenia
home-new-applications =
    { $count ->
        [one] { $count } nowa aplikacja
        [few] { $count } nowe aplikacje
        [many] { $count } nowych aplikacji
       *[other] { $count } nowej aplikacji
    }
home-new-applications-all = Wszystkie nowe aplikacje

# --- email digests, unsubscribe and iCalendar feeds (helper B) ---
digest-title = Przegląd e-mailem
digest-intro = Raz dziennie albo raz w tygodniu wyślemy Ci e-mail z zaplanowanymi postami, nowymi treściami do udostępnienia i treściami, które wkrótce wygasną. Gdy nie będzie o czym pisać, nic nie wyślemy.
digest-frequency = Jak często
digest-frequency-daily = Codziennie
digest-frequency-weekly = Raz w tygodniu
digest-frequency-off = Nie wysyłaj
digest-hour = Godzina
digest-hour-help = Według Twojej strefy czasowej ({ $zone }).
digest-weekdays = Dni
digest-weekdays-help = Przegląd tygodniowy przychodzi w pierwszy zaznaczony dzień tygodnia.
digest-save = Zapisz ustawienia przeglądu
weekday-mon = Poniedziałek
weekday-tue = Wtorek
weekday-wed = Środa
weekday-thu = Czwartek
weekday-fri = Piątek
weekday-sat = Sobota
weekday-sun = Niedziela
error-digest-frequency = Wybierz, jak często wysyłać przegląd.
error-digest-hour = Wybierz pełną godzinę od 0 do 23.
error-digest-weekdays = Zaznacz co najmniej jeden dzień.
flash-digest-saved = Zapisano ustawienia przeglądu.
flash-digest-unsubscribed = Gotowe: nie będziemy już wysyłać Ci przeglądów.
email-digest-subject-daily = Twój przegląd na dziś w Ambasadzie
email-digest-subject-weekly = Twój przegląd na ten tydzień w Ambasadzie
email-digest-greeting = Cześć, { $name }!
email-digest-planned-daily =
    { $count ->
        [one] Na dziś masz { $count } zaplanowany post:
        [few] Na dziś masz { $count } zaplanowane posty:
        [many] Na dziś masz { $count } zaplanowanych postów:
       *[other] Na dziś masz { $count } zaplanowanego postu:
    }
email-digest-planned-weekly =
    { $count ->
        [one] W tym tygodniu masz { $count } zaplanowany post:
        [few] W tym tygodniu masz { $count } zaplanowane posty:
        [many] W tym tygodniu masz { $count } zaplanowanych postów:
       *[other] W tym tygodniu masz { $count } zaplanowanego postu:
    }
email-digest-new =
    { $count ->
        [one] { $count } nowa treść do udostępnienia:
        [few] { $count } nowe treści do udostępnienia:
        [many] { $count } nowych treści do udostępnienia:
       *[other] { $count } nowej treści do udostępnienia:
    }
email-digest-expiring =
    { $count ->
        [one] { $count } treść wkrótce wygaśnie – udostępnij ją, póki możesz:
        [few] { $count } treści wkrótce wygasną – udostępnij je, póki możesz:
        [many] { $count } treści wkrótce wygaśnie – udostępnij je, póki możesz:
       *[other] { $count } treści wkrótce wygaśnie – udostępnij je, póki możesz:
    }
email-digest-until = do { $when }
email-digest-more = …i jeszcze { $count } – znajdziesz je w Ambasadzie.
email-digest-settings = Godzinę i dni przeglądu zmienisz w swoim profilu: { $link }
email-digest-unsubscribe = Nie chcesz dostawać przeglądów? Wypisz się jednym kliknięciem: { $link }
unsubscribe-title = Wypisz się z przeglądów
unsubscribe-question = Czy przestać wysyłać przeglądy na adres { $email }?
unsubscribe-confirm = Tak, wypisz mnie
unsubscribe-hint = Powiadomienia w aplikacji i pozostałe e-maile (na przykład reset hasła) będą działać jak dotąd. Przegląd możesz w każdej chwili włączyć ponownie w profilu.
unsubscribe-off = Przeglądy na adres { $email } są wyłączone.
unsubscribe-settings = Włącz je ponownie w profilu
calendar-feed-title = Twój plan w Twoim kalendarzu
calendar-feed-intro = Dodaj ten adres jako subskrypcję w Kalendarzu Google, Outlooku lub Kalendarzu Apple, a zaplanowane posty pojawią się obok Twoich spotkań, z przypomnieniem 30 minut wcześniej. Adres jest prywatny – nie przekazuj go nikomu.
calendar-feed-revoke = Nowy adres (stary przestanie działać)
calendar-feed-revoke-confirm = Stary adres przestanie działać we wszystkich kalendarzach, które go subskrybują. Kontynuować?
calendar-feed-program-title = Kalendarz programu
calendar-feed-program-intro = Wszystkie zaplanowane posty programu jako subskrypcja kalendarza (od 30 dni wstecz do 90 dni naprzód). Adres jest prywatny – nie przekazuj go nikomu.
flash-calendar-feed-revoked = Stary adres kalendarza przestał działać. Nowy znajdziesz poniżej.
calendar-feed-name = Ambasada – mój plan publikacji
calendar-feed-name-program = Ambasada – plan publikacji: { $program }

## LinkedIn: łączenie konta i publikowanie bezpośrednio
linkedin-connect = Połącz z LinkedIn
linkedin-connect-intro = Połącz raz swoje konto LinkedIn i publikuj posty prosto z Ambasady – od razu albo o wybranej porze. Nie poznajemy Twojego hasła, a połączenie możesz w każdej chwili zerwać.
linkedin-connected-as = Połączono z LinkedIn jako { $name }.
linkedin-expires-on = Połączenie jest ważne do { $when }.
linkedin-expiry-hint = LinkedIn kończy takie połączenia po około 60 dniach. Przypomnimy Ci o tym tydzień i dzień wcześniej, a ponowne połączenie to jedno kliknięcie.
linkedin-reconnect = Połącz ponownie
linkedin-disconnect = Odłącz
linkedin-not-connected = Twoje konto LinkedIn nie jest połączone.
linkedin-posts-title = Moje posty na LinkedIn
linkedin-posts-intro = Posty opublikowane lub zaplanowane przez połączenie z LinkedIn. Dopóki post nie wyjdzie, możesz go zmienić albo odwołać.
linkedin-posts-none = Nie masz jeszcze żadnego posta opublikowanego ani zaplanowanego na LinkedIn. Wybierz post z gotowych postów i kliknij „Opublikuj na LinkedIn”.
linkedin-when = Kiedy
linkedin-state = Stan
linkedin-actions = Działania
linkedin-after-expiry = po wygaśnięciu połączenia
linkedin-edit = Zmień lub odwołaj
linkedin-save = Zapisz i zaplanuj
linkedin-cancel = Odwołaj ten post
linkedin-unknown-help = Wysłaliśmy post, ale odpowiedź LinkedIn do nas nie dotarła. Zajrzyj na swój profil: jeśli post tam jest, odwołaj go tutaj; jeśli go nie ma, zapisz go, a wyślemy go ponownie.
linkedin-status-scheduled = Zaplanowany
linkedin-status-sending = W trakcie wysyłki
linkedin-status-sent = Opublikowany
linkedin-status-paused = Czeka na ponowne połączenie
linkedin-status-failed = Nieopublikowany
linkedin-status-unknown = Do sprawdzenia
linkedin-status-cancelled = Odwołany
linkedin-reason-expired = Połączenie z LinkedIn wygasło albo zostało cofnięte. Połącz się ponownie, a post wyjdzie.
linkedin-reason-forbidden = LinkedIn nie pozwala tej aplikacji publikować w Twoim imieniu. Daj znać administratorowi.
linkedin-reason-duplicate = LinkedIn odrzucił post jako powtórzenie Twojego wcześniejszego. Zmień tekst, aby opublikować go jeszcze raz.
linkedin-reason-version = LinkedIn nie obsługuje już wersji API, której używa ten serwer. Administrator został powiadomiony.
linkedin-reason-throttled = LinkedIn poprosił o wolniejsze tempo – za chwilę spróbujemy ponownie.
linkedin-reason-server = LinkedIn miał kłopot – za chwilę spróbujemy ponownie.
linkedin-reason-rejected = LinkedIn odrzucił post.
linkedin-reason-unreachable = Nie udało się połączyć z LinkedIn – za chwilę spróbujemy ponownie.
linkedin-reason-interrupted = Wysyłka została przerwana i nie wiadomo, czy LinkedIn opublikował post.
linkedin-reason-course = Najpierw ukończ wymagany kurs.
linkedin-reason-limit = Wyczerpano dzisiejszy limit udostępnień.
linkedin-reason-content = Tego posta nie ma już w Twoich gotowych postach (został wycofany albo wygasł).
linkedin-reason-inactive = Twoje konto jest nieaktywne.
linkedin-reason-disabled = Publikowanie na LinkedIn zostało wyłączone.
linkedin-direct-title = Opublikuj bezpośrednio na LinkedIn
linkedin-direct-as = Post pojawi się na Twoim profilu ({ $name }) z Twoim tekstem i linkiem śledzącym.
linkedin-publish-now = Opublikuj na LinkedIn
linkedin-at = Albo zaplanuj na
linkedin-at-hint = Twoja strefa czasowa: { $zone }
linkedin-planned-slot = Wpisaliśmy termin Twojego posta zaplanowanego w kalendarzu.
linkedin-expires-before = Połączenie z LinkedIn wygaśnie przed tym terminem. Połącz się ponownie wcześniej, inaczej post poczeka.
linkedin-schedule = Zaplanuj
linkedin-direct-connect-hint = Połącz konto LinkedIn, aby opublikować ten post bezpośrednio – od razu albo o wybranej porze.
linkedin-error-at = Wybierz termin od teraz do roku naprzód.
linkedin-error-at-missing = Wybierz, kiedy opublikować post.
linkedin-flash-expired-flow = Łączenie z LinkedIn trwało zbyt długo albo zaczęło się w innej przeglądarce. Spróbuj jeszcze raz.
linkedin-flash-state = Odpowiedź LinkedIn nie pasowała do Twojej prośby, więc ją pominęliśmy. Spróbuj jeszcze raz.
linkedin-flash-cancelled = Przerwano łączenie z LinkedIn. Nic się nie zmieniło.
linkedin-flash-refused = LinkedIn nie zgodził się na połączenie. Spróbuj jeszcze raz albo daj znać administratorowi.
linkedin-flash-connected = Połączono z LinkedIn. Możesz teraz publikować posty bezpośrednio.
linkedin-flash-unavailable = Nie udało się połączyć z LinkedIn. Spróbuj za chwilę.
linkedin-flash-scope = LinkedIn nie dał zgody na publikowanie. Połącz się ponownie i zezwól na publikowanie postów.
linkedin-flash-disconnected = Odłączono LinkedIn. Zaplanowane posty poczekają, aż połączysz się ponownie.
linkedin-flash-not-connected = Najpierw połącz konto LinkedIn.
linkedin-flash-queued = Post jest w drodze na LinkedIn – jego stan widzisz poniżej.
linkedin-flash-published = Opublikowano na LinkedIn i zapisano jako Twoje udostępnienie. Dziękujemy!
linkedin-flash-published-similar = Opublikowano na LinkedIn i zapisano jako Twoje udostępnienie. Twój tekst jest jednak prawie taki sam jak ten, który ktoś z Twoich współpracowników udostępnił dziś. Następnym razem napisz go bardziej po swojemu.
linkedin-flash-retrying = LinkedIn jest teraz zajęty – wyślemy post za chwilę. Jego stan widzisz poniżej.
linkedin-flash-reconnect = Połączenie z LinkedIn wygasło. Połącz się ponownie, a post wyjdzie.
linkedin-flash-not-published = Post nie został opublikowany. Powód znajdziesz poniżej.
linkedin-flash-scheduled = Post zaplanowany. Opublikujemy go o wybranej porze.
linkedin-flash-not-open = Ten post został już wysłany albo odwołany i nie można go zmienić.
linkedin-flash-saved = Zapisano i zaplanowano post.
linkedin-flash-cancelled-post = Post odwołany.
notification-linkedin-published = Twój post „{ $title }” został opublikowany na LinkedIn.
notification-linkedin-not-published = { $reason ->
    [duplicate] LinkedIn odrzucił Twój post jako powtórzenie.
    [expired] Twój post czeka – połącz się ponownie z LinkedIn.
    [unknown] Sprawdź, czy Twój post na LinkedIn został opublikowany.
    [course] Zaplanowany post na LinkedIn nie wyszedł – najpierw ukończ wymagany kurs.
    [limit] Zaplanowany post na LinkedIn nie wyszedł – wyczerpano dzisiejszy limit udostępnień.
    [version] Twój post na LinkedIn nie wyszedł – administrator musi zaktualizować ustawienia LinkedIn.
   *[other] Twój post na LinkedIn nie został opublikowany.
}
notification-linkedin-reconnect = Połączenie z LinkedIn wygasło – połącz się ponownie, aby zaplanowane posty wyszły.
notification-linkedin-version = LinkedIn nie przyjmuje już wersji API { $version } – zaktualizuj ustawienie linkedin_version.
notification-linkedin-expires = { $days ->
    [one] Połączenie z LinkedIn wygasa jutro.
    [few] Połączenie z LinkedIn wygasa za { $days } dni.
   *[many] Połączenie z LinkedIn wygasa za { $days } dni.
} { $posts ->
    [0] Połącz się ponownie, aby dalej publikować bezpośrednio.
    [one] { $posts } zaplanowany post wypada później – połącz się ponownie.
    [few] { $posts } zaplanowane posty wypadają później – połącz się ponownie.
   *[many] { $posts } zaplanowanych postów wypada później – połącz się ponownie.
}
email-linkedin-expires-subject = { $count ->
    [one] Połączenie z LinkedIn wygasa jutro
    [few] Połączenie z LinkedIn wygasa za { $count } dni
   *[many] Połączenie z LinkedIn wygasa za { $count } dni
}
email-linkedin-expires-body =
    Dzień dobry, { $name },

    Twoje połączenie z LinkedIn w Ambasadzie jest ważne do { $when }. LinkedIn kończy takie połączenia po około 60 dniach. Aby dalej publikować bezpośrednio, połącz się ponownie (jedno kliknięcie, bez hasła):

    { $link }
email-linkedin-expires-posts = { $count ->
    [one] { $count } zaplanowany post wypada po tym terminie i poczeka, aż połączysz się ponownie.
    [few] { $count } zaplanowane posty wypadają po tym terminie i poczekają, aż połączysz się ponownie.
   *[many] { $count } zaplanowanych postów wypada po tym terminie i poczeka, aż połączysz się ponownie.
}
audit-do-linkedin-connect = Połączono LinkedIn: { $subject }
audit-do-linkedin-disconnect = Odłączono LinkedIn: { $subject }
calendar-feed-summary = Zaplanowany post – { $network }: { $subject }
calendar-feed-summary-person = { $name } – { $network }: { $subject }
calendar-feed-status-planned = do opublikowania
calendar-feed-status-done = opublikowany
calendar-feed-status-missed = niezrealizowany
calendar-feed-status-skipped = pominięty
calendar-feed-description =
    Status: { $status }
    Program: { $program }
    Udostępnij: { $link }

# --- calendar (lead) ---
nav-calendar = Kalendarz
nav-plan = Mój plan
calendar-title = Kalendarz publikacji
calendar-new-slot = Zaplanuj post
calendar-views = Widoki kalendarza
calendar-month = Miesiąc
calendar-week = Tydzień
calendar-list = Lista
calendar-previous = Wcześniej
calendar-next = Później
calendar-all-programs = Wszystkie programy
calendar-all-teams = Wszystkie zespoły
calendar-all-networks = Wszystkie sieci
calendar-program = Program
calendar-team = Zespół
calendar-status = Stan
calendar-empty = W tym okresie nic nie zaplanowano.
calendar-slot-intro = Zaplanowany post to gotowa treść albo wolny temat, sieć i przedział czasu – dla całego programu, zespołu albo wybranych osób. Rozłóż go w czasie, a każda osoba dostanie własny dzień w godzinach pracy, żeby w feedach nie pojawiał się ten sam post o tej samej godzinie.
calendar-item = Treść
calendar-free-topic-option = — zamiast tego wolny temat —
calendar-topic = Wolny temat
calendar-topic-example = np. napisz o swoim pierwszym tygodniu w firmie
calendar-starts = Od
calendar-ends = Do
calendar-window = Termin
calendar-audience = Dla kogo
calendar-audience-program = Wszyscy w programie
calendar-audience-team = Zespół
calendar-audience-people = Wybrane osoby
calendar-no-members = Program nie ma jeszcze członków.
calendar-spread = Rozłożenie w czasie
calendar-spread-label = Jeden post na osobę, każdy w innym dniu roboczym
calendar-spread-help = Dni robocze (od poniedziałku do piątku), 9:00–17:00 w strefie czasowej każdej osoby, najwyżej jeden zaplanowany post dziennie na osobę i nigdy po wygaśnięciu treści.
calendar-max-share = Najwyżej tyle % grupy jednego dnia
calendar-plan = Zaplanuj
calendar-planned-posts = Zaplanowane posty
calendar-no-posts = Brak zaplanowanych postów.
calendar-ambassador = Ambasador
calendar-realisation = Realizacja planu
calendar-change-slot = Zmień
calendar-change-help = Program i osoby pozostają bez zmian. Zmiany wprowadzone po rozpoczęciu terminu trafiają do historii.
calendar-delete-confirm = Usunąć ten zaplanowany post dla wszystkich? Zapisane wyniki zostaną zachowane.
calendar-slot-deleted = Ten zaplanowany post został usunięty; jego historia i zapisane wyniki pozostają.
calendar-history = Historia
calendar-history-edited = zmieniono
calendar-history-deleted = usunięto
calendar-no-team = Bez zespołu
calendar-posts-count =
    { $count ->
        [one] { $count } zaplanowany post
        [few] { $count } zaplanowane posty
        [many] { $count } zaplanowanych postów
       *[other] { $count } zaplanowanego posta
    }
calendar-done-count =
    { $count ->
        [one] { $count } zrealizowany
        [few] { $count } zrealizowane
        [many] { $count } zrealizowanych
       *[other] { $count } zrealizowanego
    }
calendar-missed-count =
    { $count ->
        [one] { $count } pominięty termin
        [few] { $count } pominięte terminy
        [many] { $count } pominiętych terminów
       *[other] { $count } pominiętego terminu
    }
calendar-skipped-count =
    { $count ->
        [one] { $count } odpuszczony
        [few] { $count } odpuszczone
        [many] { $count } odpuszczonych
       *[other] { $count } odpuszczonego
    }
calendar-error-item-or-topic = Wybierz treść albo wpisz wolny temat (jedno z dwóch).
calendar-error-item = Tej treści nie można tu zaplanować: musi być zatwierdzona lub opublikowana, aktualna i przeznaczona dla tego programu.
calendar-error-end-before-start = Koniec musi być po początku.
calendar-error-window-too-long = Termin może trwać najwyżej 62 dni.
calendar-error-in-the-past = Ten termin już minął.
calendar-error-item-expires = Treść wygasa przed tym terminem – zaplanuj ją wcześniej.
calendar-error-team = Wybierz zespół.
calendar-error-not-member = Można wybrać tylko członków programu.
calendar-error-audience = Wybierz, dla kogo jest ten post.
calendar-error-nobody = W tej grupie nikogo nie ma – wybierz inne osoby.
calendar-error-share = Wpisz procent od 1 do 100.
calendar-error-does-not-fit = W tym terminie nie mieści się { $count } z { $group } osób: wydłuż go albo pozwól większej części grupy publikować tego samego dnia.
calendar-error-move-range = Wybierz dzień od dziś do tygodnia po zaplanowanym terminie.
calendar-error-date = Wpisz poprawną datę.
flash-slot-created = Zaplanowano posty: { $arg }.
flash-slot-deleted = Zaplanowany post został usunięty.
plan-title = Mój plan
plan-intro = Posty zaplanowane dla Ciebie. Udostępnij je stąd, a jeśli nie dasz rady – odpuść z podaniem powodu albo przenieś na inny dzień.
plan-today = Dziś
plan-this-week = W tym tygodniu
plan-later = Później
plan-recent = Ostatnio
plan-nothing-today = Na dziś nic nie zaplanowano.
plan-nothing-week = W tym tygodniu nic więcej.
plan-share-now = Udostępnij teraz
plan-accept = Zrobię to
plan-accepted = potwierdzony
plan-skip-or-move = Odpuść albo przenieś
plan-move-to = Przenieś na
plan-move = Przenieś
plan-skip-reason = Dlaczego odpuszczasz?
plan-skip = Odpuść
plan-status-planned = zaplanowany
plan-status-done = zrealizowany
plan-status-missed = pominięty
plan-status-skipped = odpuszczony
flash-plan-accepted = Zanotowane, dziękujemy.
flash-plan-skipped = Odpuszczony.
flash-plan-moved = Przeniesiony na { $arg }.
error-plan-decided = Ten zaplanowany post jest już rozstrzygnięty.
realisation-from = Od
realisation-to = Do
realisation-planned = Zaplanowane
realisation-done = Zrealizowane
realisation-missed = Pominięte
realisation-skipped = Odpuszczone
realisation-definition = Realizacja planu = zaplanowane posty udostępnione do końca terminu (plus jeden dzień) ÷ zaplanowane posty, których termin przypadał w tym okresie; odpuszczone liczymy osobno.
realisation-none = W tym okresie nic nie zaplanowano.
realisation-by-team = Według zespołów
realisation-by-ambassador = Według ambasadorów
realisation-by-week = Według tygodni
realisation-overdue = Po terminie
realisation-overdue-help = Termin minął, ale jest jeszcze dzień zapasu.
realisation-missed-list = Pominięte
realisation-nothing = Brak.
weekday-short-1 = pon.
weekday-short-2 = wt.
weekday-short-3 = śr.
weekday-short-4 = czw.
weekday-short-5 = pt.
weekday-short-6 = sob.
weekday-short-7 = niedz.
month-1 = Styczeń
month-2 = Luty
month-3 = Marzec
month-4 = Kwiecień
month-5 = Maj
month-6 = Czerwiec
month-7 = Lipiec
month-8 = Sierpień
month-9 = Wrzesień
month-10 = Październik
month-11 = Listopad
month-12 = Grudzień
scope-calendar-write = planowanie kalendarza publikacji

# --- Slack and Microsoft Teams webhooks (helper C) ---
webhooks-link = Slack i Teams
webhooks-title = Slack i Microsoft Teams
webhooks-intro = Program publikuje na swoich kanałach nowe treści do udostępnienia, plan postów na każdy tydzień (w poniedziałek od 8:00) i zaplanowane posty, które w poprzednim tygodniu się nie ukazały.
webhooks-secret-hint = Adres webhooka jest tajny: każdy, kto go zna, może publikować na kanale. Dlatego pokazujemy tu tylko jego fragment.
webhooks-how-slack = W Slacku dodaj do kanału aplikację z funkcją Incoming Webhooks i wklej adres, który poda (https://hooks.slack.com/services/…).
webhooks-how-teams = W Teams utwórz przepływ pracy (Workflows) z szablonu „Post to a channel when a webhook request is received” i wklej jego adres. Łączniki Office 365 już nie działają.
webhooks-url = Adres webhooka
webhooks-url-new = Nowy adres webhooka
webhooks-save = Zapisz adres
webhooks-remove = Usuń
webhooks-remove-confirm = Usunąć ten webhook? Na kanale nie pojawi się już nic nowego.
webhooks-test = Wyślij wiadomość testową
webhooks-state-off = Nie ustawiono
webhooks-state-waiting = Ustawiony, nic jeszcze nie wysłano
webhooks-state-ok = Działa
webhooks-state-failing = Błędy dostarczania
webhooks-state-stopped = Zatrzymany
webhooks-stopped = Kanał odpowiedział ({ $when }), że ten adres już nie istnieje (usunięto go albo odinstalowano aplikację), więc nic więcej tam nie publikujemy. Ustaw nowy adres, żeby wznowić publikowanie.
webhooks-last-success = Ostatnio dostarczono
webhooks-last-error = Ostatni błąd
webhooks-never = nigdy
webhooks-error-timeout = Brak odpowiedzi w ciągu 10 sekund.
webhooks-error-connect = Nie udało się połączyć: { $detail }
webhooks-error-request = Żądanie się nie powiodło: { $detail }
webhooks-deliveries = Ostatnie wiadomości
webhooks-deliveries-none = Nie ma jeszcze żadnych wiadomości.
webhooks-col-created = Dodano
webhooks-col-channel = Kanał
webhooks-col-event = Wiadomość
webhooks-col-status = Stan
webhooks-col-attempts = Próby
webhooks-col-error = Ostatni błąd
webhooks-event-content-published = Nowa treść
webhooks-event-weekly-plan = Plan tygodnia
webhooks-event-missed-plan = Pominięte posty
webhooks-event-test = Wiadomość testowa
webhooks-status-pending = Czeka
webhooks-status-sent = Dostarczona
webhooks-status-failed = Niedostarczona
error-webhook-url = Wklej cały adres webhooka, zaczynający się od https://.
error-webhook-https = Adres musi zaczynać się od https://.
error-webhook-too-long = Ten adres jest za długi jak na adres webhooka.
flash-webhook-saved = Zapisano webhook { $arg }. Wyślij wiadomość testową, żeby go sprawdzić.
flash-webhook-removed = Usunięto webhook { $arg }.
flash-webhook-test-queued = Wiadomość testowa do { $arg } czeka na wysłanie i powinna pojawić się na kanale w ciągu minuty. Odśwież tę stronę, żeby sprawdzić, czy dotarła.
flash-webhook-not-set = Najpierw ustaw adres webhooka { $arg }.
flash-webhook-stopped = Webhook { $arg } jest zatrzymany: najpierw ustaw nowy adres.
webhook-msg-context = Ambasada · { $program }
webhook-msg-open = Otwórz Ambasadę
webhook-msg-test-title = Wiadomość testowa z Ambasady
webhook-msg-test-text = Program { $program } będzie tu publikować nowe treści do udostępnienia, plan każdego tygodnia i pominięte zaplanowane posty.
webhook-msg-content-title = Nowa treść do udostępnienia
webhook-msg-content-fallback = Nowa treść do udostępnienia: { $title }
webhook-msg-category = Kategoria
webhook-msg-networks = Sieci
webhook-msg-from = Dostępna od
webhook-msg-until = Dostępna do
webhook-msg-share = Udostępnij
webhook-msg-plan-title = Plan publikacji na tydzień { $week }
webhook-msg-plan-intro = Posty zaplanowane na ten tydzień:
webhook-msg-planned = Zaplanowane posty
webhook-msg-people = Ambasadorzy
webhook-msg-calendar = Otwórz kalendarz
webhook-msg-posts =
    { $count ->
        [one] { $count } zaplanowany post
        [few] { $count } zaplanowane posty
        [many] { $count } zaplanowanych postów
       *[other] { $count } zaplanowanego posta
    }
webhook-msg-more = …i jeszcze { $count }
webhook-msg-missed-title = Pominięte zaplanowane posty: { $week }
webhook-msg-missed-intro = W zeszłym tygodniu te zaplanowane posty nie ukazały się na czas:
webhook-msg-missed-count =
    { $count ->
        [one] { $count } pominięty post
        [few] { $count } pominięte posty
        [many] { $count } pominiętych postów
       *[other] { $count } pominiętego posta
    }
webhook-msg-missed = Pominięte
webhook-msg-realisation = Realizacja planu
webhook-msg-realisation-open = Zobacz realizację planu
health-plan = Realizacja kalendarza publikacji
health-plan-none = W ostatnich 30 dniach niczego nie zaplanowano: kalendarz publikacji z monitorowaniem realizacji to podstawa.
health-plan-started = Posty są zaplanowane; żaden termin jeszcze nie minął.
health-plan-kept = { $percent }% zaplanowanych postów z ostatnich 30 dni udostępniono w terminie.
health-plan-slipping = Tylko { $percent }% zaplanowanych postów z ostatnich 30 dni udostępniono w terminie.
health-fix-calendar = Zobacz realizację planu
calendar-plan-this = Zaplanuj
notification-webhook-failing = Kanał { $channel } programu { $program } nie działa: wiadomości nie docierają.
calendar-error-item-not-started = Ta treść będzie dostępna dopiero od { $date }: zacznij termin od tego dnia.
calendar-error-too-far = Post można zaplanować najwyżej dwa lata naprzód.
# --- rewards (catalog, redemptions, budget) ---
nav-rewards = Nagrody
rewards-title = Nagrody
rewards-intro = Wymieniaj punkty na nagrody ze swoich programów. Punkty są blokowane od razu po zgłoszeniu; koordynator zatwierdza i przekazuje nagrodę albo odrzuca zgłoszenie, a wtedy punkty wracają do ciebie.
rewards-spendable = punkty do wydania
rewards-held = punkty zablokowane w zgłoszeniach
rewards-lifetime = punkty zdobyte łącznie
rewards-no-program = Nie należysz jeszcze do żadnego programu, więc nie ma nagród do wyboru.
rewards-none-yet = Ten program nie ma jeszcze nagród.
rewards-mine = Moje nagrody
rewards-mine-none = Nie masz jeszcze żadnych zgłoszeń odbioru nagród.
reward-points =
    { $count ->
        [one] { $count } punkt
        [few] { $count } punkty
        [many] { $count } punktów
       *[other] { $count } punktu
    }
reward-left =
    { $count ->
        [one] Została { $count } sztuka
        [few] Zostały { $count } sztuki
        [many] Zostało { $count } sztuk
       *[other] Zostało { $count } sztuki
    }
reward-missing =
    { $count ->
        [one] Brakuje ci { $count } punktu.
        [few] Brakuje ci { $count } punktów.
        [many] Brakuje ci { $count } punktów.
       *[other] Brakuje ci { $count } punktu.
    }
reward-out-of-stock = Brak na stanie
reward-redeem = Odbierz nagrodę
reward-description = Opis
reward-points-cost = Koszt w punktach
reward-stock = Liczba sztuk
reward-stock-help = Ile sztuk można wydać; zostaw puste, jeśli bez limitu.
reward-cost = Koszt dla firmy (zł)
reward-cost-help = Do budżetu, np. 120,50 lub 120.50; zostaw puste, jeśli nagroda nic nie kosztuje.
reward-cost-column = Koszt dla firmy
reward-active = Dostępna dla ambasadorów
reward-unlimited = Bez limitu
reward-offered = Dostępna
reward-inactive = Niedostępna
reward-error-points = Wpisz liczbę całkowitą punktów od 1 do 1 000 000.
reward-error-stock = Wpisz liczbę całkowitą od 0 albo zostaw pole puste (bez limitu).
reward-error-cost = Wpisz kwotę w złotych, np. 120,50 lub 120.50 (najwyżej 10 000 000).
rewards-catalog-title = Nagrody
rewards-catalog-intro = Na co ambasadorzy mogą wymieniać punkty. Nagroda wycofana z oferty zostaje w historii jej odbiorów.
rewards-catalog-list = Katalog
rewards-catalog-empty = Nie ma jeszcze nagród: dodaj pierwszą poniżej. Bez nagród kondycja programu ostrzega, że ambasadorzy nic nie zyskują.
rewards-new = Nowa nagroda
rewards-add = Dodaj nagrodę
redemptions-title = Odbiory nagród
redemptions-budget = Budżet { $quarter }
redemptions-over-budget = Budżet na nagrody w tym kwartale został przekroczony.
redemptions-no-budget = Na ten kwartał nie ustalono budżetu.
redemptions-open = Czekają na ciebie
redemptions-open-none = Nic nie czeka: wszystkie zgłoszenia są obsłużone.
redemptions-would-exceed = Zatwierdzenie przekroczy budżet kwartału o { $amount }.
redemptions-history = Historia
redemptions-history-none = Żadna nagroda nie została jeszcze przekazana ani odrzucona.
redemption-reward = Nagroda
redemption-ambassador = Ambasador
redemption-points = Punkty
redemption-status = Stan
redemption-requested-at = Zgłoszono
redemption-status-requested = Czeka na decyzję
redemption-status-approved = Zatwierdzony
redemption-status-delivered = Przekazany
redemption-status-rejected = Odrzucony
redemption-approve = Zatwierdź
redemption-deliver = Oznacz jako przekazaną
redemption-reject = Odrzuć
redemption-reason = Powód odrzucenia
redemption-error-reason = Podaj ambasadorowi powód odrzucenia zgłoszenia.
redeem-error-points = Masz do wydania { $spendable }, a ta nagroda kosztuje { $cost }: brakuje ci { $missing }.
redeem-error-stock = Tej nagrody nie ma już na stanie.
redeem-error-unavailable = Ta nagroda nie jest już dostępna.
budget-title = Budżet na kwartał
budget-help = Koszt zatwierdzonych nagród liczy się do budżetu kwartału, w którym je zatwierdzono. Przekroczenie budżetu jest możliwe, ale pojawia się ostrzeżenie.
budget-quarter = Kwartał
budget-amount = Budżet (zł)
budget-spent = Wydano
budget-left = Zostało
budget-current = bieżący
budget-none = nie ustalono
budget-over = przekroczono o
budget-save = Zapisz budżet
budget-error-quarter = Wpisz kwartał, np. 2026-Q4.
budget-error-amount = Wpisz kwotę w złotych, np. 5000 lub 5000,00.
flash-redeemed = Zgłoszenie odbioru nagrody { $arg } zostało wysłane; punkty są zablokowane do decyzji koordynatora.
flash-reward-created = Dodano nagrodę { $arg }.
flash-reward-saved = Zapisano nagrodę { $arg }.
flash-budget-saved = Zapisano budżet na { $arg }.
flash-redemption-stale = Zgłoszenie odbioru nagrody { $arg } zostało już obsłużone; niczego nie zmieniono.
flash-redemption-approved = Zatwierdzono odbiór nagrody { $arg }.
flash-redemption-approved-over = Zatwierdzono odbiór. Uwaga: budżet na nagrody w tym kwartale jest teraz przekroczony o { $arg }.
flash-redemption-delivered = Nagroda { $arg } oznaczona jako przekazana.
flash-redemption-rejected = Odrzucono odbiór nagrody { $arg }; punkty zostały odblokowane.
email-redemption-requested-subject = Twoje zgłoszenie odbioru nagrody: { $reward }
email-redemption-requested-body = Cześć { $name },

    otrzymaliśmy Twoje zgłoszenie odbioru nagrody „{ $reward }”. Do decyzji koordynatora blokujemy na nią { $points }; napiszemy, gdy zapadnie.

    Twoje nagrody: { $link }
email-redemption-approved-subject = Odbiór nagrody zatwierdzony: { $reward }
email-redemption-approved-body = Cześć { $name },

    Twoje zgłoszenie odbioru nagrody „{ $reward }” zostało zatwierdzone. Koordynator wkrótce przekaże Ci nagrodę.

    Twoje nagrody: { $link }
email-redemption-delivered-subject = Nagroda przekazana: { $reward }
email-redemption-delivered-body = Cześć { $name },

    nagroda „{ $reward }” została Ci przekazana. Ciesz się nią i dziękujemy, że dzielisz się treściami!

    Twoje nagrody: { $link }
email-redemption-rejected-subject = Odbiór nagrody odrzucony: { $reward }
email-redemption-rejected-body = Cześć { $name },

    Twoje zgłoszenie odbioru nagrody „{ $reward }” zostało odrzucone. Powód: { $reason }

    Zablokowane na nią punkty ({ $points }) możesz znowu wydać.

    Twoje nagrody: { $link }
email-redemption-new-subject = Nowe zgłoszenie odbioru nagrody: { $reward } dla { $ambassador }
email-redemption-new-body = Cześć { $name },

    { $ambassador } zgłasza odbiór nagrody „{ $reward }” ({ $points }) w programie { $program }. Punkty są zablokowane, dopóki nie zatwierdzisz albo nie odrzucisz zgłoszenia.

    Zgłoszenia czekające na Ciebie: { $link }
notification-redemption-requested = { $name } zgłasza odbiór nagrody „{ $reward }” ({ $program }).
notification-redemption-decided =
    { $status ->
        [approved] Odbiór nagrody „{ $reward }” został zatwierdzony.
        [delivered] Nagroda „{ $reward }” została Ci przekazana.
       *[rejected] Odbiór nagrody „{ $reward }” został odrzucony. Powód: { $reason }
    }
health-benefit-none = Program nie oferuje nagród: ambasadorzy nic nie dostają za swoje punkty. Dodaj nagrody do katalogu.
health-benefit-no-points = Program oferuje nagrody, ale wszystkie zasady punktacji mają wartość zero, więc nikt nie może zdobyć punktów.
health-fix-rewards = Otwórz katalog nagród
health-fix-points = Ustaw zasady punktacji

# --- points (helper P) ---
nav-points = Moje punkty
points-title = Moje punkty
points-spendable = Do wykorzystania
points-lifetime = Zdobyte łącznie
points-held = Zarezerwowane na nagrody
points-balance-help = Punkty zdobyte łącznie nie maleją, gdy odbierasz nagrody. Do wykorzystania jest to, co zostaje po odjęciu punktów zarezerwowanych na zgłoszone nagrody i wydanych na nagrody już odebrane.
points-to-rewards = Nagrody
points-recent = Ostatnio zdobyte punkty
points-none = Nie masz jeszcze punktów. Udostępnij post, aby zdobyć pierwsze.
points-none-start = Przejdź do gotowych postów
points-when = Kiedy
points-what = Za co
points-program = Program
points-amount = Punkty
points-count =
    { $count ->
        [one] { $count } punkt
        [few] { $count } punkty
        [many] { $count } punktów
       *[other] { $count } punktu
    }
points-on-day = kliknięcia z dnia { $date }
points-own-post = własny post
points-rule-share = Potwierdzone udostępnienie
points-rule-personalised = Premia za własne słowa
points-rule-click = Kliknięcia unikalnych odwiedzających
points-rule-application = Aplikacja przez link
points-rule-hire = Zatrudnienie przez link
points-rule-course = Ukończony kurs
points-rule-suggestion = Zaakceptowana propozycja treści
points-rule-planned-on-time = Zaplanowany post w terminie
points-rule-challenge = Premia za wyzwanie
points-rule-correction = Korekta
points-reason-clicks-reclassified = Powtarzające się kliknięcia tego linku uznano za ruch botów.
points-how-title = Jak działają punkty
points-how-intro = Punkty dostajesz za prawdziwe posty, które ludzie czytają. Oto co je daje w każdym z Twoich programów, z wartościami ustalonymi w programie.
points-how-defaults = Wartości domyślne
points-how-no-program = Nie należysz jeszcze do żadnego programu; tak wygląda punktacja na start.
points-how-what = Za co są punkty
points-how-off = W tym programie nie przyznaje się za to punktów
points-how-share = Każda udostępniona treść, raz w każdej sieci (ponowne potwierdzenie tego samego udostępnienia nie daje więcej punktów), a także każdy post napisany całkiem samodzielnie.
points-how-personalised = Dodatkowo, gdy piszesz po swojemu: co najmniej około jednej trzeciej tekstu to Twoje słowa, a nie jest to niemal ten sam tekst, który ktoś z zespołu opublikował tego dnia.
points-how-click = Za każdą osobę, która otworzy Twój link, liczoną raz dziennie; najwyżej { $cap } osób na udostępnienie dziennie.
points-how-application = Gdy ktoś zaaplikuje na ofertę pracy przez Twój link, a rekruter poprowadzi aplikację dalej; raz za kandydata i ofertę, nigdy za Twój własny adres.
points-how-hire = Gdy osoba, która zaaplikowała przez Twój link, zostanie zatrudniona.
points-how-course = Gdy ukończysz kurs: przeczytasz wszystkie lekcje i zaliczysz quiz, jeśli kurs go ma; raz za każdy kurs.
points-how-suggestion = Gdy zaproponowana przez Ciebie treść zostanie zaakceptowana.
points-how-planned-on-time = Gdy udostępnisz post ze swojego planu w wyznaczonym terminie.
points-how-fair-title = Uczciwe zasady
points-how-fair-bots = Boty i podglądy linków (programy, które pobierają link, żeby pokazać jego miniaturę) nigdy nie dają punktów.
points-how-fair-unique = Osoba, która otwiera Twój link wiele razy w ciągu dnia, liczy się raz, a każde udostępnienie daje punkty za najwyżej { $cap } osób dziennie.
points-how-fair-identical = Tekst niemal identyczny z postem kogoś z zespołu z tego samego dnia nie dostaje premii za własne słowa; samo udostępnienie nadal się liczy.
points-how-fair-review = Koordynatorzy przyglądają się nietypowym wzorcom. Jeśli kliknięcia okażą się nie pochodzić od ludzi, punkty zostaną odjęte osobną pozycją z podanym powodem; nic nie zmienia się po cichu.
points-how-balance-title = Twoje punkty i nagrody
points-how-balance = Punkty zdobyte łącznie tylko rosną (poza korektami). Gdy zgłaszasz odbiór nagrody, jej punkty od razu zostają zarezerwowane; jeśli zgłoszenie zostanie odrzucone, wracają do Ciebie.
points-rules-title = Zasady punktacji
points-rules-intro = Ile punktów daje każde działanie w tym programie. Ambasadorzy widzą te wartości na stronie „Jak działają punkty”. Zmiany dotyczą punktów zdobywanych od teraz; przyznane już punkty się nie zmieniają.
points-rules-problems = Niektóre wartości są nieprawidłowe; szczegóły przy polach.
points-rules-default = Domyślnie: { $points }.
points-rules-error = Wpisz liczbę całkowitą od 0 do { $max }; 0 wyłącza zasadę.
points-rules-hint-share = Każda udostępniona treść, raz na osobę i sieć (ponowne potwierdzenie nie daje więcej punktów), oraz każdy własny post.
points-rules-hint-personalised = Premia za udostępnienie ze spersonalizowanym tekstem (podobieństwo do sugerowanego tekstu poniżej 70%), chyba że ktoś z zespołu opublikował tego dnia niemal identyczny tekst.
points-rules-hint-click = Za każdego unikalnego odwiedzającego (człowieka) z linku śledzącego ambasadora, na udostępnienie i dzień, najwyżej za { $cap } odwiedzających.
points-rules-hint-application = Aplikacja przez link ambasadora, gdy rekruter przeniesie ją dalej niż etap „Nowa”; raz za adres kandydata i ofertę, nigdy za własny adres ambasadora.
points-rules-hint-hire = Zatrudnienie osoby, która zaaplikowała przez link ambasadora.
points-rules-hint-course = Ukończony kurs (przeczytane wszystkie lekcje i zaliczony quiz, jeśli jest), raz za każdy kurs.
points-rules-hint-suggestion = Zaakceptowana treść zaproponowana przez ambasadora.
points-rules-hint-planned-on-time = Zaplanowany post z kalendarza publikacji udostępniony w terminie.
flash-points-rules-saved = Zapisano zasady punktacji.
points-review-title = Przegląd punktacji
points-review-intro = Nietypowe wzorce w tym programie z ostatnich 30 dni. Nic tu samo nie odbiera punktów: przyjrzyj się i zdecyduj.
points-review-links-count = linki z wieloma kliknięciami od nielicznych odwiedzających
points-review-people-count = osoby, których udostępnienia w większości nie mają adresu posta
points-review-links = Wiele kliknięć od nielicznych odwiedzających
points-review-links-help = Linki, w których na jednego unikalnego odwiedzającego przypada więcej niż { $ratio } kliknięcia. Punkty liczą tylko unikalnych odwiedzających, więc powtarzane kliknięcia nic nie dodają; jeśli to nie są ludzie, uznaj ich powtarzające się kliknięcia za ruch botów, a zdobyte za nie punkty zostaną odjęte pozycją korekty.
points-review-nothing = Nic nietypowego.
points-review-person = Ambasador(ka)
points-review-item = Treść i sieć
points-review-clicks = Kliknięcia
points-review-visitors = Unikalni odwiedzający
points-review-per-visitor = Kliknięcia na odwiedzającego
points-review-bots = Uznaj powtarzane kliknięcia za boty
points-review-bots-confirm = Uznać za ruch botów kliknięcia każdego odwiedzającego, który otworzył ten link więcej niż { $ratio } razy w ciągu dnia? Punkty ambasadora za te kliknięcia zostaną skorygowane.
points-review-unverified = Udostępnienia bez adresu posta
points-review-unverified-help = Udostępnienia potwierdzonego bez adresu posta nie da się sprawdzić. Oznaczamy osoby, których udostępnienia w większości go nie mają.
points-review-without-url = Bez adresu posta
points-review-shares = Wszystkie udostępnienia
points-review-mostly = Większość bez adresu
flash-points-bots = Powtarzające się kliknięcia uznano za ruch botów (zmienionych kliknięć: { $arg }); punkty skorygowano.
notification-points-application =
    { $points ->
        [one] Przez Twój link wpłynęła aplikacja na ofertę „{ $offer }”: +{ $points } punkt.
        [few] Przez Twój link wpłynęła aplikacja na ofertę „{ $offer }”: +{ $points } punkty.
        [many] Przez Twój link wpłynęła aplikacja na ofertę „{ $offer }”: +{ $points } punktów.
       *[other] Przez Twój link wpłynęła aplikacja na ofertę „{ $offer }”: +{ $points } punktu.
    }
notification-points-hire =
    { $points ->
        [one] Osoba, która zaaplikowała przez Twój link na ofertę „{ $offer }”, została zatrudniona: +{ $points } punkt.
        [few] Osoba, która zaaplikowała przez Twój link na ofertę „{ $offer }”, została zatrudniona: +{ $points } punkty.
        [many] Osoba, która zaaplikowała przez Twój link na ofertę „{ $offer }”, została zatrudniona: +{ $points } punktów.
       *[other] Osoba, która zaaplikowała przez Twój link na ofertę „{ $offer }”, została zatrudniona: +{ $points } punktu.
    }
notification-points-clicks-corrected =
    { $points ->
        [one] Powtarzające się kliknięcia Twojego linku do „{ $title }” uznano za ruch botów: odjęto { $points } punkt.
        [few] Powtarzające się kliknięcia Twojego linku do „{ $title }” uznano za ruch botów: odjęto { $points } punkty.
        [many] Powtarzające się kliknięcia Twojego linku do „{ $title }” uznano za ruch botów: odjęto { $points } punktów.
       *[other] Powtarzające się kliknięcia Twojego linku do „{ $title }” uznano za ruch botów: odjęto { $points } punktu.
    }

# --- leaderboards, badges, challenges (helper L) ---
nav-leaderboard = Ranking
board-title = Ranking
board-hub-intro = Rankingi Twoich programów: punkty, udostępnienia i kliknięcia w miesiącu, kwartale albo wyzwaniu.
board-hub-none = Nie należysz jeszcze do żadnego programu.
board-period = Okres
board-by = Według
board-group = Porównaj
board-group-person = Osoby
board-group-team = Zespoły
board-team = Zespół
board-team-all = Wszystkie zespoły
board-by-points = Według punktów
board-by-shares = Według udostępnień
board-by-clicks = Według kliknięć
board-period-shown = Okres: { $from } – { $to }
board-your-place = Twoje miejsce
board-your-team = Miejsce Twojego zespołu
board-of = na { $count }
board-points = Punkty
board-shares = Udostępnienia
board-clicks = Kliknięcia
board-result = Twój wynik w tym okresie
board-this-month = Twoje miejsce w tym miesiącu
board-to-next-points =
    { $count ->
        [one] { $count } punkt do następnego miejsca
        [few] { $count } punkty do następnego miejsca
        [many] { $count } punktów do następnego miejsca
       *[other] { $count } punktu do następnego miejsca
    }
board-to-next = brakuje do następnego miejsca
board-you-lead = Prowadzisz
board-not-on = Nie ma Cię w tym rankingu (obejmuje inny zespół albo dołączono Cię po tym okresie).
board-manager-note = Oglądasz ten ranking jako koordynator(ka); nie ma Cię w nim.
board-you-hidden = Inni widzą Cię jako „ambasador(ka)”.
board-privacy-link = Zmień w profilu
board-empty = W tym rankingu nikogo jeszcze nie ma.
board-team-help = Zespoły porównujemy według średniej na aktywną osobę (z co najmniej jednym udostępnieniem w okresie), żeby mały zespół nie przegrywał tylko dlatego, że jest mały.
board-rank = Miejsce
board-name = Imię i nazwisko
board-average = Średnio na aktywną osobę
board-active = Aktywni / wszyscy
board-total = Razem
board-you = Ty
board-you-team = Twój zespół
board-more =
    { $count ->
        [one] …i jeszcze { $count } osoba w rankingu.
        [few] …i jeszcze { $count } osoby w rankingu.
        [many] …i jeszcze { $count } osób w rankingu.
       *[other] …i jeszcze { $count } osoby w rankingu.
    }
board-help-points = Punkty zdobyte w programie w tym okresie, razem z korektami. Równe wyniki dzielą miejsce.
board-help-shares = Potwierdzone udostępnienia w programie w tym okresie. Równe wyniki dzielą miejsce.
board-help-clicks = Kliknięcia ludzi w Twoje linki śledzące w programie w tym okresie; boty i podglądy linków nigdy się nie liczą. Równe wyniki dzielą miejsce.
board-unit-points =
    { $count ->
        [one] { $count } punkt
        [few] { $count } punkty
        [many] { $count } punktów
       *[other] { $count } punktu
    }
board-unit-shares =
    { $count ->
        [one] { $count } udostępnienie
        [few] { $count } udostępnienia
        [many] { $count } udostępnień
       *[other] { $count } udostępnienia
    }
board-unit-clicks =
    { $count ->
        [one] { $count } kliknięcie
        [few] { $count } kliknięcia
        [many] { $count } kliknięć
       *[other] { $count } kliknięcia
    }
board-quarter = { $quarter }. kwartał { $year }
board-rolling30 = Ostatnie 30 dni
board-challenge-window = Czas trwania wyzwania
board-challenge-option = Wyzwanie: { $title }
board-anonymous = ambasador(ka)
board-error-month = Wybierz miesiąc w postaci 2026-05.
board-error-quarter = Wybierz kwartał w postaci 2026-Q2.
board-error-challenge = W tym programie nie ma takiego wyzwania.
board-error-period = Okres to month, quarter, rolling30 albo challenge.
board-error-by = Ranking może być według punktów, udostępnień albo kliknięć.
board-error-group = Porównać można osoby albo zespoły.
board-error-team = Nie ma takiego zespołu.
board-privacy = Rankingi
board-privacy-hide = Ukryj moje imię i nazwisko w rankingach
board-privacy-help = Wszyscy inni, także koordynatorzy, zobaczą Cię w rankingach jako „ambasador(ka)”; swoje miejsce nadal widzisz.
board-privacy-save = Zapisz
flash-boards-hidden = Twoje imię i nazwisko są teraz ukryte w rankingach.
flash-boards-shown = Twoje imię i nazwisko znów są widoczne w rankingach.
badges-title = Odznaki
badges-intro = Odznaki wyróżniają prawdziwe kroki ambasadora. Każdą zdobywa się raz, z datą.
badges-earned = Zdobyte
badges-none = Nie masz jeszcze odznak.
badges-earned-on = zdobyta { $when }
badges-available = Do zdobycia
badges-all = Wszystkie odznaki
badge-first-share = Pierwsze udostępnienie
badge-first-share-about = Udostępnij swój pierwszy post.
badge-ten-personalised = Własnymi słowami
badge-ten-personalised-about = Udostępnij dziesięć postów napisanych po swojemu: gotowych postów przerobionych po swojemu albo własnych.
badge-first-referral = Pierwsze polecenie
badge-first-referral-about = Ktoś aplikuje na ofertę pracy przez Twój link śledzący.
badge-course-finished = Kurs ukończony
badge-course-finished-about = Ukończ kurs: przeczytaj wszystkie lekcje i zalicz quiz.
badge-four-week-streak = Cztery tygodnie z rzędu
badge-four-week-streak-about = Udostępniaj co najmniej raz w tygodniu przez cztery kolejne tygodnie (od poniedziałku do niedzieli); wystarczy jeden post w tygodniu.
notification-badge-earned =
    Nowa odznaka: { $badge ->
        [first_share] „Pierwsze udostępnienie”
        [ten_personalised] „Własnymi słowami”
        [first_referral] „Pierwsze polecenie”
        [course_finished] „Kurs ukończony”
        [four_week_streak] „Cztery tygodnie z rzędu”
       *[other] { $badge }
    }.
notification-challenge-bonus =
    { $points ->
        [one] Zdobywasz { $points } punkt premii w wyzwaniu „{ $title }”.
        [few] Zdobywasz { $points } punkty premii w wyzwaniu „{ $title }”.
        [many] Zdobywasz { $points } punktów premii w wyzwaniu „{ $title }”.
       *[other] Zdobywasz { $points } punktu premii w wyzwaniu „{ $title }”.
    }
challenges-title = Wyzwania
challenges-new = Nowe wyzwanie
challenges-intro = Cele na określony czas z punktami premii. Liczy się tylko to, co wydarzy się w czasie trwania wyzwania.
challenges-running = Trwające
challenges-none-running = Żadne wyzwanie teraz nie trwa.
challenges-upcoming = Wkrótce
challenges-past = Zakończone
challenges-none-past = Nie ma jeszcze zakończonych wyzwań.
challenge-mode = Kto dostaje premię
challenge-mode-threshold = Każdy, kto osiągnie cel
challenge-mode-threshold-help = Premię dostaje każda osoba, która osiągnie wartość docelową w czasie trwania wyzwania.
challenge-mode-collective = Wspólny cel
challenge-mode-collective-help = Gdy suma wszystkich osiągnie wartość docelową, premię dostaje każdy uczestnik z co najmniej jednym wkładem.
challenge-mode-raffle = Losowanie
challenge-mode-raffle-help = Spośród osób, które osiągną cel, serwer losuje zwycięzców; ziarno losowania jest potem pokazane, więc każdy może sprawdzić wynik.
challenge-metric-shares = Udostępnienia
challenge-metric-clicks = Kliknięcia
challenge-metric-points = Punkty
challenge-ends = kończy się { $when }
challenge-starts = zaczyna się { $when }
challenge-ended = zakończone { $when }
challenge-bonus-points =
    { $count ->
        [one] premia { $count } punkt
        [few] premia { $count } punkty
        [many] premia { $count } punktów
       *[other] premia { $count } punktu
    }
challenge-progress = Postęp
challenge-progress-group = Razem
challenge-progress-you = Ty
challenge-phase-upcoming = Wkrótce
challenge-phase-running = Trwa
challenge-phase-ended = W rozliczeniu
challenge-phase-settled = Rozliczone
challenge-what = Co się liczy
challenge-team = Zespół
challenge-target = Wartość docelowa
challenge-target-together = łącznie
challenge-window = Czas trwania
challenge-bonus = Punkty premii
challenge-winners-count =
    { $count ->
        [one] losujemy { $count } osobę
        [few] losujemy { $count } osoby
        [many] losujemy { $count } osób
       *[other] losujemy { $count } osoby
    }
challenge-board = Ranking z czasu trwania wyzwania
challenge-result = Wynik
challenge-you-won =
    { $count ->
        [one] Zdobywasz premię: { $count } punkt.
        [few] Zdobywasz premię: { $count } punkty.
        [many] Zdobywasz premię: { $count } punktów.
       *[other] Zdobywasz premię: { $count } punktu.
    }
challenge-nobody = Nikt nie dostał premii.
challenge-recipients =
    { $count ->
        [one] Premię dostała { $count } osoba:
        [few] Premię dostały { $count } osoby:
        [many] Premię dostało { $count } osób:
       *[other] Premię dostało { $count } osoby:
    }
raffle-title = Losowanie
raffle-seed = Ziarno
raffle-how = Los każdej osoby to SHA-256 z ziarna, po którym następuje jej identyfikator; losy sortujemy rosnąco i wygrywają pierwsze. Każdy los sprawdzisz tym poleceniem:
raffle-no-candidates = Nikt nie osiągnął celu, więc nikogo nie losowano.
raffle-user-id = Identyfikator
raffle-ticket = Los
raffle-won = wygrana
challenge-delete = Odwołaj wyzwanie
challenge-delete-confirm = Odwołać to wyzwanie? Nikt nie dostanie premii.
challenge-field-title = Tytuł
challenge-title-example = 50 udostępnień posta o targach pracy do piątku
challenge-field-description = Opis
challenge-field-content = Treść
challenge-any-content = Dowolna treść
challenge-content-help = Dla udostępnień i kliknięć: licz tylko te dotyczące jednej treści.
challenge-whole-program = Cały program
challenge-starts-field = Początek
challenge-ends-field = Koniec
challenge-winners = Liczba zwycięzców (losowanie)
challenge-winners-help = Tylko dla losowania.
challenge-create = Ogłoś wyzwanie
challenge-error-metric = Wybierz udostępnienia, kliknięcia albo punkty.
challenge-error-content-points = Punktów nie można ograniczyć do jednej treści.
challenge-error-mode = Wybierz, kto dostaje premię.
challenge-error-target = Wpisz liczbę całkowitą od 1 do 1 000 000.
challenge-error-bonus = Wpisz liczbę punktów od 1 do 10 000.
challenge-error-winners = Wpisz liczbę zwycięzców od 1 do 1000.
challenge-error-end-before-start = Koniec musi być po początku.
challenge-error-window-too-long = Wyzwanie może trwać najwyżej rok.
challenge-error-in-the-past = Koniec musi być w przyszłości.
challenge-error-content = Wybierz treść z tego programu.
challenge-error-team = Nie ma takiego zespołu.
flash-challenge-created = Ogłoszono wyzwanie „{ $arg }”.
flash-challenge-deleted = Odwołano wyzwanie „{ $arg }”.
flash-challenge-settled = To wyzwanie jest już rozliczone i nie można go odwołać.
error-webhook-local = Ten adres wskazuje na ten serwer albo sieć prywatną: wklej adres https:// otrzymany ze Slacka lub Teams.

# --- security C ---
error-invalid-characters = Ta wartość zawiera niedozwolone znaki: usuń z niej znaki sterujące (np. NUL).
error-invalid-encoding = Formularz przyszedł w kodowaniu innym niż UTF-8, więc nie da się odczytać jego tekstu. Odśwież stronę i wyślij go ponownie.
error-coordinator-required = Wybierz koordynatora programu: każdy program musi go mieć.
programs-coordinator-admins = Tylko administrator może przekazać program innemu koordynatorowi.

# --- security B ---
login-throttled-address = Nieprawidłowy adres e-mail lub hasło. Z Twojej sieci było ostatnio wiele nieudanych prób logowania: jeśli nie pamiętasz hasła, ustaw nowe.
profile-password-ends-tokens = Zmiana hasła wyloguje Cię na innych urządzeniach i unieważni Twoje tokeny API.
tokens-end-with-password = Zmiana hasła, także przez link z e-maila, unieważnia wszystkie tokeny – mógł je utworzyć każdy, kto znał stare hasło.
flash-password-changed-tokens = Hasło zostało zmienione. Na innych urządzeniach nastąpiło wylogowanie, a Twoje tokeny API zostały unieważnione.
error-uri-too-long = Adres strony jest za długi. Wróć i spróbuj ponownie.

# --- issue 19 review of motivation (points, challenges, rewards) ---
redemption-own = To Twoje własne zgłoszenie: decyzję podejmie inny koordynator albo administrator.
challenge-error-starts-in-the-past = Początek nie może być w przeszłości: wyzwanie zaczyna się teraz albo później.
reward-stock-changed = Liczba sztuk zmieniła się w trakcie edycji (ktoś odebrał nagrodę albo ją zapisał). Teraz: { $stock }. Sprawdź ją i zapisz ponownie.
error-unknown-network = „{ $network }” to nie jest nazwa sieci: użyj linkedin, x, facebook albo xing.

# --- reports: periods and EMV (issue 14, core rules) ---
reports-period-missing = Podaj datę w formacie RRRR-MM-DD, np. 2026-11-30.
reports-period-invalid = To nie jest poprawna data: wpisz ją w formacie RRRR-MM-DD, np. 2026-11-30.
reports-period-reversed = Koniec okresu nie może być wcześniej niż jego początek.
reports-period-too-long = Okres może obejmować najwyżej 10 lat (3660 dni): skróć go.
reports-period-in-future = Okres zaczyna się w przyszłości, więc nie ma jeszcze dla niego danych: wybierz datę początkową nie późniejszą niż dziś.
reports-emv-factor-range = Wpisz współczynnik zasięgu od 0 do 1000 promili (1000 ‰ oznacza, że post widzi cała sieć kontaktów autora).
reports-emv-money-range = Wpisz kwotę od 0 do 100 000 zł.
reports-emv-money-invalid = Wpisz kwotę w złotych, np. 12,50, z najwyżej dwoma miejscami po przecinku.
reports-emv-formula = Szacowany zasięg to suma deklarowanych wielkości sieci kontaktów osób udostępniających (liczonych przy każdym udostępnieniu) pomnożona przez współczynnik zasięgu danej sieci. Ekwiwalent reklamowy (EMV) to zasięg / 1000 × CPM plus liczba kliknięć (bez botów) × CPC, czyli tyle, ile kosztowałyby podobne wyświetlenia i kliknięcia kupione jako reklama. Stawki dla każdej sieci podaje tabela poniżej; koordynator programu może je zmienić. Wynik to szacunek, a nie zmierzona wartość: reakcji pod prywatnymi postami nie da się odczytać, więc nie są liczone.

# --- reports: program dashboard and EMV rates (issue 14, helper H2) ---
reports-dash-title = Pulpit programu
reports-dash-link = Pulpit
reports-dash-period = Okres
reports-dash-period-this-month = Bieżący miesiąc
reports-dash-period-last-month = Poprzedni miesiąc
reports-dash-period-quarter = Bieżący kwartał
reports-dash-period-12-months = Ostatnie 12 miesięcy
reports-dash-period-custom = Własne daty
reports-dash-period-unknown = Wybierz jeden z okresów z listy.
reports-dash-from = Od
reports-dash-to = Do
reports-dash-custom-hint = Daty są brane pod uwagę przy opcji „Własne daty”; oba dni wliczają się do okresu. Dni liczymy według czasu UTC.
reports-dash-show = Pokaż
reports-dash-compared = w porównaniu z okresem
reports-dash-days =
    { $count ->
        [one] { $count } dzień
        [few] { $count } dni
        [many] { $count } dni
       *[other] { $count } dnia
    }
reports-dash-headline = Najważniejsze liczby
reports-dash-metric = Miara
reports-dash-current = Ten okres
reports-dash-previous = Poprzedni okres
reports-dash-change = Zmiana
reports-dash-estimate = szacunek
reports-dash-pp = { $value } pkt proc.
reports-dash-metric-participation = Wskaźnik uczestnictwa
reports-dash-metric-active = Aktywni ambasadorzy
reports-dash-metric-enrolled = Ambasadorzy w programie
reports-dash-metric-shares = Udostępnienia
reports-dash-metric-personalisation = Udział udostępnień z własnym tekstem
reports-dash-metric-clicks = Kliknięcia (bez botów)
reports-dash-metric-visitors = Unikalni odwiedzający
reports-dash-metric-clicks-per-share = Kliknięcia na udostępnienie
reports-dash-metric-applications = Aplikacje
reports-dash-metric-hires = Zatrudnienia
reports-dash-metric-conversions = Konwersje
reports-dash-metric-reach = Szacowany zasięg
reports-dash-metric-emv = EMV
reports-dash-metric-realisation = Realizacja planu
reports-dash-metric-enps = eNPS (ostatnia zamknięta ankieta)
reports-dash-personalised = Udostępnienia z własnym tekstem
reports-dash-network = Sieć
reports-dash-team = Zespół
reports-dash-item = Treść
reports-dash-ambassador = Ambasador
reports-dash-bucket-week = Tydzień
reports-dash-bucket-month = Miesiąc
reports-dash-trend-week = Trend tydzień po tygodniu
reports-dash-trend-month = Trend miesiąc po miesiącu
reports-dash-chart-shares = Udostępnienia i udostępnienia z własnym tekstem
reports-dash-chart-clicks = Kliknięcia (bez botów) i unikalni odwiedzający
reports-dash-chart-networks = Kliknięcia (bez botów) według sieci
reports-dash-by-network = Według sieci
reports-dash-by-team = Według zespołów
reports-dash-top-items = Najlepsze treści
reports-dash-top-ambassadors = Najaktywniejsi ambasadorzy
reports-dash-no-team = Bez zespołu
reports-dash-top-note-items =
    { $count ->
        [one] Pokazujemy treść z największą liczbą kliknięć; plik CSV zawiera wszystkie.
        [few] Pokazujemy { $count } treści z największą liczbą kliknięć; plik CSV zawiera wszystkie.
        [many] Pokazujemy { $count } treści z największą liczbą kliknięć; plik CSV zawiera wszystkie.
       *[other] Pokazujemy { $count } treści z największą liczbą kliknięć; plik CSV zawiera wszystkie.
    }
reports-dash-top-note-ambassadors =
    { $count ->
        [one] Pokazujemy ambasadora z największą liczbą udostępnień; plik CSV zawiera wszystkich.
        [few] Pokazujemy { $count } ambasadorów z największą liczbą udostępnień; plik CSV zawiera wszystkich.
        [many] Pokazujemy { $count } ambasadorów z największą liczbą udostępnień; plik CSV zawiera wszystkich.
       *[other] Pokazujemy { $count } ambasadora z największą liczbą udostępnień; plik CSV zawiera wszystkich.
    }
reports-dash-none = Brak danych w tym okresie.
reports-dash-csv = Pobierz CSV
reports-dash-emv-title = Szacowany zasięg i EMV
reports-dash-emv-estimate = Zasięg i EMV to szacunki wyliczone z deklarowanych wielkości sieci kontaktów i stawek programu, a nie pomiary.
reports-dash-no-impressions = API serwisów społecznościowych nie podają wyświetleń prywatnych postów, dlatego nie pokazujemy tu żadnych wyświetleń.
reports-dash-emv-formula-show = Jak to liczymy
reports-dash-emv-formula = EMV = zasięg / 1000 × CPM + kliknięcia × CPC
reports-dash-rates-edit = Zmień stawki programu
reports-emv-title = Stawki zasięgu i EMV
reports-emv-intro = Stawki, z których szacujemy zasięg programu i jego ekwiwalent reklamowy (EMV), osobno dla każdej sieci. Zostaw domyślne, chyba że masz własne dane, np. ile firma płaci za reklamy.
reports-emv-reach-factor = Współczynnik zasięgu (%)
reports-emv-cpm = CPM (zł za 1000 osób w zasięgu)
reports-emv-cpc = CPC (zł za kliknięcie)
reports-emv-default = Domyślnie: { $value }
reports-emv-problems = Niektóre wartości trzeba poprawić: zobacz komunikaty przy polach.
reports-emv-defaults-note = Sieć z wartościami domyślnymi korzysta z domyślnych stawek także wtedy, gdy zmieni je nowsza wersja.
reports-emv-percent-invalid = Wpisz wartość procentową od 0 do 100, z najwyżej jednym miejscem po przecinku, np. 7,5.
reports-emv-saved = Stawki zapisane.

# --- reports: my impact and content performance (issue 14, H4) ---
nav-impact = Moje wyniki
reports-impact-title = Moje wyniki
reports-impact-intro = Twoje udostępnienia, kliknięcia i odwiedzający, których przyniosły, konwersje i punkty w czasie, a także porównanie Twoich postów z medianą programu.
reports-impact-home = Zobacz, jak poradziły sobie Twoje udostępnienia: kliknięcia, odwiedzający, konwersje i punkty miesiąc po miesiącu.
reports-impact-home-link = Otwórz moje wyniki
reports-impact-no-program = Nie należysz jeszcze do żadnego programu, więc nie ma czego pokazać.
reports-impact-join = Dołącz do programu
reports-impact-program = Program
reports-impact-program-only = Program: { $name }
reports-impact-period = Okres
reports-impact-period-this-month = Ten miesiąc
reports-impact-period-last-month = Poprzedni miesiąc
reports-impact-period-quarter = Ten kwartał
reports-impact-period-12-months = Ostatnie 12 miesięcy
reports-impact-period-custom = Własny zakres dat
reports-impact-period-unknown = Wybierz jeden z okresów z listy.
reports-impact-from = Od
reports-impact-to = Do
reports-impact-show = Pokaż
reports-impact-showing = Okres:
reports-impact-dates-help = Daty obowiązują po wybraniu „Własny zakres dat”. Dni liczymy według czasu UTC.
reports-impact-shares = Udostępnienia
reports-impact-clicks = Kliknięcia (bez robotów)
reports-impact-visitors = Unikalni odwiedzający
reports-impact-conversions = Konwersje
reports-impact-points = Punkty
reports-impact-clicks-per-share = Kliknięcia na udostępnienie
reports-impact-total = Razem
reports-impact-when = Tydzień lub miesiąc
reports-impact-network = Sieć
reports-impact-definitions = Kliknięcia nie obejmują robotów ani podglądów linków; unikalny odwiedzający to jedna osoba na link i dzień; konwersja to np. aplikacja na ofertę pracy wysłana w ciągu 30 dni od kliknięcia w Twój link. Punkty to punkty z tego programu, łącznie z korektami.
reports-impact-compare-title = Na tle programu
reports-impact-compare-over =
    { $count ->
        [one] Mediana wśród { $count } osoby aktywnej w programie w tym okresie (z co najmniej jednym udostępnieniem), łącznie z Tobą. Nie pokazujemy niczyich nazwisk ani wyników.
        [few] Mediana wśród { $count } osób aktywnych w programie w tym okresie (z co najmniej jednym udostępnieniem), łącznie z Tobą. Nie pokazujemy niczyich nazwisk ani wyników.
        [many] Mediana wśród { $count } osób aktywnych w programie w tym okresie (z co najmniej jednym udostępnieniem), łącznie z Tobą. Nie pokazujemy niczyich nazwisk ani wyników.
       *[other] Mediana wśród { $count } osoby aktywnej w programie w tym okresie (z co najmniej jednym udostępnieniem), łącznie z Tobą. Nie pokazujemy niczyich nazwisk ani wyników.
    }
reports-impact-compare-too-few =
    { $count ->
        [one] Za mało aktywnych osób, żeby porównać: w tym okresie była { $count } osoba. Potrzeba co najmniej 3, żeby z mediany nie dało się odczytać niczyich wyników.
        [few] Za mało aktywnych osób, żeby porównać: w tym okresie były { $count } osoby. Potrzeba co najmniej 3, żeby z mediany nie dało się odczytać niczyich wyników.
        [many] Za mało aktywnych osób, żeby porównać: w tym okresie było { $count } osób. Potrzeba co najmniej 3, żeby z mediany nie dało się odczytać niczyich wyników.
       *[other] Za mało aktywnych osób, żeby porównać: w tym okresie było { $count } osoby. Potrzeba co najmniej 3, żeby z mediany nie dało się odczytać niczyich wyników.
    }
reports-impact-compare-help = Mediana to wartość środkowa: połowa aktywnych osób miała więcej, połowa mniej. Różnica do 10% oznacza wynik w okolicy mediany.
reports-impact-you = Ty
reports-impact-median = Mediana programu
reports-impact-standing = Twój wynik
reports-impact-standing-above = Powyżej mediany
reports-impact-standing-about = W okolicy mediany
reports-impact-standing-below = Poniżej mediany
reports-impact-no-shares = Brak udostępnień w tym okresie
reports-impact-trend-title = W czasie
reports-impact-chart-clicks = Kliknięcia i unikalni odwiedzający
reports-impact-chart-shares = Udostępnienia i konwersje
reports-impact-chart-points = Punkty
reports-impact-table-caption = Twoje wyniki w kolejnych tygodniach lub miesiącach
reports-impact-table-help = Tabela poniżej zawiera te same liczby co wykresy.
reports-impact-csv = Pobierz tabelę (CSV)
reports-impact-csv-bad-period = Nie da się odczytać okresu do pobrania: wybierz go ponownie na stronie.
reports-impact-file = moje-wyniki
reports-impact-networks-title = Według sieci
reports-impact-networks-none = W tym okresie nie ma udostępnień ani kliknięć.
reports-impact-per-item = Kliknięcia w poszczególne treści: moje udostępnienia
reports-content-title = Skuteczność
reports-content-intro = Udostępnienia tej treści, kliknięcia (bez robotów) i unikalni odwiedzający, których przyniosły, oraz konwersje, w podziale na sieci.
reports-content-own-programs = Liczymy tylko programy, które koordynujesz.
reports-content-period-title = Według sieci w wybranym okresie
reports-content-all-time-title = Według sieci, od początku
reports-content-none-period = W tym okresie nikt tego nie udostępnił ani nie kliknął.
reports-content-none = Tej treści nikt jeszcze nie udostępnił w ramach programu.
reports-content-chart-networks = Kliknięcia według sieci
reports-content-personalisation-title = Czy personalizacja się opłaca?
reports-content-personalisation-help = Udostępnienie liczymy jako spersonalizowane, gdy jego tekst wyraźnie różni się od proponowanego; pozostałe użyły gotowego tekstu bez zmian albo prawie bez zmian. Kliknięcia to kliknięcia ludzi (bez robotów) w linki śledzące tych udostępnień w wybranym okresie.
reports-content-personalised = Ze spersonalizowanym tekstem
reports-content-verbatim = Z gotowym tekstem
reports-content-verdict-too-few = Za mało udostępnień, żeby porównać: każda grupa potrzebuje co najmniej 5 udostępnień w wybranym okresie.
reports-content-verdict-personalised-ahead = W tym okresie udostępnienia ze spersonalizowanym tekstem przyniosły więcej kliknięć na udostępnienie niż te z gotowym tekstem.
reports-content-verdict-even = W tym okresie obie grupy przyniosły mniej więcej tyle samo kliknięć na udostępnienie.
reports-content-verdict-verbatim-ahead = W tym okresie udostępnienia z gotowym tekstem przyniosły więcej kliknięć na udostępnienie niż te ze spersonalizowanym tekstem.
reports-content-not-a-proof = To porównanie, a nie dowód: osoby, które personalizują tekst, mogą się różnić także czym innym (wielkością sieci kontaktów, porą publikacji), więc różnica nie musi wynikać z samego tekstu.
reports-content-scope = Liczymy udostępnienia tej treści w ramach programów. Kliknięcia w linki spoza programów widać tylko na stronie treści.
reports-content-program-title = Skuteczność treści
reports-content-program-intro = Treści programu z ich udostępnieniami, kliknięciami (bez robotów), kliknięciami na udostępnienie i konwersjami w wybranym okresie.
reports-content-program-scope = Liczymy udostępnienia treści w ramach tego programu. Własne posty nie są powiązane z żadną treścią, więc ich tu nie ma.
reports-content-chart-items = Kliknięcia najczęściej klikanych treści
reports-content-table-caption = Treści w wybranym okresie
reports-content-item = Treść
reports-content-personalised-shares = Udostępnienia ze spersonalizowanym tekstem
reports-content-sort = Sortuj według
reports-content-sort-clicks = Kliknięć
reports-content-sort-shares = Udostępnień
reports-content-sort-clicks-per-share = Kliknięć na udostępnienie
reports-content-sort-conversions = Konwersji
reports-content-sort-apply = Sortuj
reports-content-more = Pokazujemy pierwsze 100 z { $count } treści; plik CSV zawiera wszystkie.
reports-content-csv = Pobierz listę (CSV)
reports-content-file = tresci

# --- reports: program reviews (issue 14, helper H3) ---
health-fix-reviews = Otwórz podsumowania programu
reports-review-link = Podsumowania
reports-review-title = Podsumowanie
reports-review-archive = Podsumowania programu
reports-review-archive-intro = Regularne spotkanie z ambasadorami, jedno podsumowanie na okres: wyniki na tle celów i poprzedniego okresu, co nie wyszło, decyzje z osobami odpowiedzialnymi i lista obecności. Na efekty czeka się 6–9 miesięcy, więc patrz na trend z kolejnych podsumowań, a nie na pojedynczą liczbę.
reports-review-current-missing = Nie ma jeszcze podsumowania za okres: { $period }. Utwórz je teraz – liczby zostaną pobrane z danych, a Ty dodasz notatki, decyzje i obecność.
reports-review-create = Utwórz podsumowanie tego okresu
reports-review-none = Nie ma jeszcze podsumowań. Szkic podsumowania bieżącego okresu powstaje automatycznie na początku każdego okresu; możesz też utworzyć go teraz.
reports-review-none-published = Nie opublikowano jeszcze żadnego podsumowania.
reports-review-period = Okres
reports-review-status = Stan
reports-review-published-at = Opublikowano
reports-review-status-draft = Szkic
reports-review-status-published = Opublikowane
reports-review-quarter = { $quarter }. kwartał { $year }
reports-review-published-on = opublikowano { $date }
reports-review-draft-hint = To szkic: widzisz go tylko Ty i administratorzy. Przed spotkaniem pobierz liczby jeszcze raz, dodaj decyzje i obecność, a potem opublikuj podsumowanie – każda osoba w programie dostanie je e-mailem i nie da się go już zmienić (decyzje nadal można oznaczać jako wykonane).
reports-review-print-hint = Aby wydrukować podsumowanie albo zapisać je jako PDF, użyj polecenia drukowania w przeglądarce (Ctrl+P) – nawigacja i formularze zostaną pominięte.
reports-review-numbers = Wyniki na tle poprzedniego okresu
reports-review-numbers-when = Dni { $measured } w porównaniu z { $compared }; liczby pobrano { $taken }.
reports-review-metric = Miara
reports-review-now = Ten okres
reports-review-before = Poprzedni okres
reports-review-change = Zmiana
reports-review-estimate = szacunek
reports-review-no-numbers = Nie udało się odczytać liczb tego podsumowania.
reports-review-refresh = Pobierz liczby jeszcze raz
reports-review-slipped = Co nie wyszło
reports-review-slipped-none = Wszystko idzie zgodnie z planem: żaden cel nie jest opóźniony, żadna liczba nie spadła o ponad 20% i żaden element kondycji programu się nie pogorszył.
reports-review-slipped-goal = Cel „{ $metric }” jest opóźniony.
reports-review-slipped-number = { $metric }: spadek o ponad 20% względem poprzedniego okresu.
reports-review-slipped-health = Element kondycji programu „{ $check }” pogorszył się od poprzedniego podsumowania.
reports-review-slipped-decisions = { $count ->
    [one] 1 decyzja jest po terminie.
    [few] { $count } decyzje są po terminie.
   *[many] { $count } decyzji jest po terminie.
}
reports-review-number-shares = Udostępnienia
reports-review-number-active-ambassadors = Aktywni ambasadorzy
reports-review-number-clicks = Kliknięcia (bez botów)
reports-review-number-visitors = Unikalni odwiedzający
reports-review-number-conversions = Konwersje
reports-review-number-applications = Aplikacje
reports-review-goals = Cele
reports-review-goals-none = Żaden cel nie obejmuje tego okresu.
reports-review-top-content = Najlepsze treści
reports-review-top-ambassadors = Najaktywniejsi ambasadorzy
reports-review-top-none = W tym okresie nic nie udostępniono.
reports-review-item = Treść
reports-review-ambassador = Ambasador(ka)
reports-review-shares = Udostępnienia
reports-review-clicks = Kliknięcia
reports-review-conversions = Konwersje
reports-review-health = Kondycja programu
reports-review-health-intro = Każdy element teraz i w poprzednim podsumowaniu.
reports-review-check = Element
reports-review-at-last = W poprzednim podsumowaniu
reports-review-trend = Zmiana
reports-review-trend-better = Lepiej
reports-review-trend-worse = Gorzej
reports-review-trend-same = Bez zmian
reports-review-trend-new = Nowy
reports-review-carried = Otwarte decyzje z wcześniejszych podsumowań
reports-review-carried-none = Żadna decyzja z wcześniejszych podsumowań nie czeka na wykonanie.
reports-review-decisions = Decyzje z tego podsumowania
reports-review-decisions-none = Nie ma jeszcze decyzji.
reports-review-decision-new = Dodaj decyzję
reports-review-decision-text = Co trzeba zrobić
reports-review-decision-owner = Osoba odpowiedzialna
reports-review-decision-owner-choose = Wybierz osobę
reports-review-decision-due = Termin
reports-review-decision-add = Dodaj decyzję
reports-review-decision-open = Otwarta
reports-review-decision-overdue = Po terminie
reports-review-decision-done = Wykonana
reports-review-decision-mark-done = Oznacz jako wykonaną
reports-review-decision-reopen = Otwórz ponownie
reports-review-decision-delete-confirm = Usunąć tę decyzję?
reports-review-taken-in = z podsumowania: { $period }
reports-review-owner-gone = konto usunięte
reports-review-attendance = Obecność
reports-review-attendance-who = Kto był na spotkaniu
reports-review-attendance-nobody = Program nie ma jeszcze uczestników.
reports-review-attendance-save = Zapisz obecność
reports-review-attendance-count = { $count ->
    [0] Nikogo nie oznaczono jako obecnego.
    [one] Na spotkaniu była 1 osoba.
    [few] Na spotkaniu były { $count } osoby.
   *[many] Na spotkaniu było { $count } osób.
}
reports-review-notes = Notatki
reports-review-notes-help = Zwykły tekst albo Markdown: **pogrubienie**, listy z „-”, linki. Osoby w programie przeczytają notatki po opublikowaniu podsumowania.
reports-review-notes-save = Zapisz notatki
reports-review-notes-none = Brak notatek.
reports-review-publish = Opublikuj podsumowanie
reports-review-publish-help = Każda osoba w programie dostanie e-mail ze skrótem i linkiem. Opublikowanego podsumowania nie można już zmienić; decyzje nadal można oznaczać jako wykonane.
reports-review-publish-confirm = Opublikować podsumowanie i wysłać je e-mailem wszystkim osobom w programie?
reports-review-error-text = Napisz, co trzeba zrobić.
reports-review-error-text-long = Decyzja może mieć najwyżej 500 znaków.
reports-review-error-owner = Wybierz osobę odpowiedzialną spośród uczestników programu i osoby koordynującej.
reports-review-error-due = Wpisz termin jako datę (RRRR-MM-DD).
reports-review-error-due-range = Termin musi przypadać między początkiem okresu podsumowania a rokiem po jego końcu.
reports-review-error-notes-long = Notatki mogą mieć najwyżej 20 000 znaków.
reports-review-error-attendee = Jako obecne można oznaczyć tylko osoby z programu i osobę koordynującą.
reports-review-flash-created = Podsumowanie utworzono na podstawie danych. Dodaj notatki, decyzje i obecność, a potem je opublikuj.
reports-review-flash-exists = Ten okres ma już podsumowanie.
reports-review-flash-refreshed = Liczby pobrano jeszcze raz.
reports-review-flash-notes = Notatki zapisane.
reports-review-flash-decision = Decyzja dodana.
reports-review-flash-decision-deleted = Decyzja usunięta.
reports-review-flash-done = Decyzja oznaczona jako wykonana.
reports-review-flash-reopened = Decyzja znów jest otwarta.
reports-review-flash-attendance = Obecność zapisana.
reports-review-flash-published = Podsumowanie opublikowano; e-maile do uczestników programu są w drodze.
reports-review-flash-read-only = Podsumowanie jest opublikowane i nie można go już zmieniać.
reports-review-email-subject = { $program }: podsumowanie – { $period }
reports-review-email-body = Cześć { $name },

    { $coordinator } przesyła podsumowanie programu „{ $program }” za okres: { $period }.

    Najważniejsze liczby (w nawiasie poprzedni okres):
    { $numbers }

    Decyzje podjęte na spotkaniu:
    { $decisions }

    Całe podsumowanie, z celami, najlepszymi treściami i kondycją programu:
    { $link }
reports-review-email-number = - { $label }: { $now } ({ $before })
reports-review-email-decision = - { $text } ({ $owner }, termin: { $due })
reports-review-email-no-decisions = Nie podjęto decyzji.

## Marka firmy
brand-title = Marka firmy
brand-intro = Nazwa, logo i kolor firmy zastępują Ambasadę w nagłówku aplikacji, na stronach kariery i w e-mailach: kandydaci widzą stronę pracodawcy, a pracownicy jego program.
brand-name = Nazwa firmy
brand-name-help = Widoczna w nagłówku, na karcie przeglądarki na stronach kariery i na końcu każdego e-maila. Zostaw pole puste, aby wyświetlać „Ambasada”.
brand-logo = Logo
brand-logo-now = Obecne logo
brand-logo-remove = Usuń logo
brand-logo-help = Plik PNG, JPEG lub WebP, najwyżej 1 MB. Wyświetlamy go w wysokości 32 pikseli na białym tle, więc najlepiej sprawdza się szerokie logo bez dużych marginesów.
brand-colour = Kolor główny
brand-colour-default = Użyj kolorów Ambasady
brand-colour-help = Kolor nagłówka, przycisków i linków. Zbyt jasny przyciemniamy tam, gdzie tekst musi pozostać czytelny, a w ciemnym motywie używamy jaśniejszej wersji.
brand-about = O nas
brand-about-help = Kilka zdań dla kandydatów, widocznych na stronach kariery. Akapity oddziel pustą linią.
brand-see-careers = Zobacz strony kariery
flash-brand-saved = Zapisano markę firmy.
home-brand-unset = ustaw nazwę i logo firmy dla stron kariery
error-brand-name-long = Nazwa może mieć najwyżej 80 znaków.
error-brand-colour = Wybierz kolor albo zaznacz „Użyj kolorów Ambasady”.
error-brand-about-long = Tekst „O nas” może mieć najwyżej 2000 znaków.
error-logo-too-large = Logo jest za duże. Prześlij plik, który ma najwyżej 1 MB.

## Eksport danych osobowych
export-title = Dane osobowe
export-admin-help = Wszystko, co Ambasada przechowuje o tej osobie, w jednym pliku JSON: konto, role, zespoły, profil, programy, udostępnienia z tekstami, linki z kliknięciami, punkty, nagrody, kursy, zaplanowane posty, powiadomienia i wpisy dziennika zdarzeń jej dotyczące. Przekaż go tej osobie, gdy poprosi o swoje dane (art. 15 RODO). Odpowiedzi w ankietach eNPS są anonimowe i ich tu nie ma. Pobranie pliku zapisujemy w dzienniku zdarzeń.
export-download = Pobierz dane tej osoby (JSON)
export-own-help = Wszystko, co Ambasada przechowuje o Tobie, w jednym pliku JSON: konto, programy, udostępnienia z tekstami, linki z kliknięciami, punkty, nagrody, kursy i powiadomienia. Twoje odpowiedzi w ankietach eNPS są anonimowe, więc ich tu nie ma.
export-own-download = Pobierz moje dane (JSON)
audit-do-person-export = Pobrano dane osobowe: { $subject }

# --- signed webhooks (C13) ---
nav-webhooks = Webhooki
scope-webhooks-write = zarządzanie webhookami
endpoints-title = Webhooki
endpoints-intro = Tu inne systemy (ATS, CRM, narzędzie BI) dowiadują się o zdarzeniach na bieżąco: każdy adres dostaje podpisane żądanie POST o wybranych zdarzeniach, zgodnie z konwencją Standard Webhooks. Nieudane wysyłki ponawiamy w coraz dłuższych odstępach przez trzy dni; adres, który przez trzy dni nie odpowiada poprawnie, wyłączamy i damy Ci znać.
endpoints-created = Dodano adres
endpoints-secret-once = Sekret do podpisów widzisz tylko teraz. Skopiuj go do systemu odbiorcy: sprawdza nim nagłówek webhook-signature.
endpoints-open = Otwórz adres
endpoints-list = Adresy
endpoints-none = Nie ma jeszcze żadnego adresu.
endpoints-url = Adres odbiorcy
endpoints-state = Stan
endpoints-events = Zdarzenia
endpoints-last-success = Ostatnie doręczenie
endpoints-failing-since = błędy od { $when }
endpoints-add = Dodaj adres
endpoints-url-hint = Adres https systemu odbiorcy. Adresy tego serwera i sieci prywatnych są odrzucane.
endpoints-save = Dodaj adres
endpoints-verify-hint = Każda wysyłka ma nagłówki webhook-id (ten sam przy każdej próbie: po nim odbiorca pomija powtórki), webhook-timestamp i webhook-signature: v1, a po nim base64 z HMAC-SHA256 tekstu „id.timestamp.body”; kluczem HMAC są zdekodowane bajty sekretu.
endpoints-endpoint = Adres
endpoints-created-at = Dodano
endpoints-disabled-at = Wyłączono { $when }: przez trzy dni nie przyjmował wysyłek. Wiadomości czekają; włącz go, gdy odbiorca znów działa.
endpoints-enable = Włącz ponownie
endpoints-delete = Usuń adres
endpoints-delete-confirm = Usunąć ten adres i czekające do niego wiadomości?
endpoints-messages = Ostatnie wiadomości
endpoints-messages-none = Nie ma jeszcze wiadomości.
endpoints-col-event = Zdarzenie
endpoints-col-created = W kolejce od
endpoints-col-status = Stan
endpoints-col-attempts = Próby
endpoints-col-answer = Odpowiedź
endpoints-col-id = webhook-id
endpoints-next-attempt = kolejna próba { $when }
endpoints-status-pending = czeka
endpoints-status-delivered = doręczona
endpoints-status-failed = porzucona
endpoints-state-waiting = jeszcze nic nie doręczono
endpoints-state-ok = działa
endpoints-state-failing = zawodzi
endpoints-state-disabled = wyłączony
endpoints-event-share-confirmed = ambasador potwierdził udostępnienie
endpoints-event-content-published = opublikowano treść
endpoints-event-content-expired = treść wygasła
endpoints-event-application-created = kandydat złożył aplikację
endpoints-event-application-stage_changed = aplikacja przeszła do innego etapu
endpoints-event-conversion-recorded = zgłoszono konwersję
endpoints-event-person-created = dodano osobę
endpoints-event-person-deactivated = dezaktywowano osobę
endpoints-event-person-erased = usunięto dane osobowe osoby
endpoints-event-reward-redeemed = ambasador poprosił o nagrodę
endpoints-event-review-published = opublikowano przegląd programu
error-endpoint-url = Wpisz adres http(s), na przykład https://ats.firma.pl/hooks/ambasada.
error-endpoint-events = Wybierz co najmniej jedno zdarzenie.
error-endpoint-local = Ten adres wskazuje na ten serwer albo sieć prywatną: wpisz publiczny adres https systemu odbiorcy.
error-endpoint-event-unknown = Nieznane zdarzenie: { $event }.
flash-endpoint-enabled = Adres jest włączony; czekające wiadomości wychodzą teraz.
flash-endpoint-deleted = Usunięto adres.
notification-endpoint-disabled = Adres webhooka { $url } przez trzy dni nie przyjmował wysyłek i został wyłączony.
email-endpoint-disabled-subject = Wyłączono adres webhooka
email-endpoint-disabled-body = Adres webhooka { $url } od trzech dni nie przyjął żadnej wysyłki, więc Ambasada go wyłączyła. Jego wiadomości czekają.

    Gdy system odbiorcy znów zadziała, włącz adres: { $link }
audit-do-webhook-endpoint-create = Dodano adres webhooka: { $subject }
audit-do-webhook-endpoint-delete = Usunięto adres webhooka: { $subject }
audit-do-webhook-endpoint-enable = Włączono adres webhooka: { $subject }

# --- erasure (C14, GDPR article 17) ---
former-employee = Dane usunięte
former-candidate = Kandydat (dane usunięte)
erase-title = Usuń dane osobowe
erase-help = Na wniosek z art. 17 RODO. Ta osoba nie będzie mogła się już zalogować; jej imię i nazwisko, adres e-mail, hasło, profile, teksty udostępnień, powiadomienia i e-maile zostaną trwale usunięte. Jej udostępnienia, kliknięcia i punkty nadal są wliczane do statystyk, a treści, które napisała, zostają z podpisem „Dane usunięte”. Jeśli prosiła o kopię danych, najpierw ją pobierz.
erase-confirm-label = Aby potwierdzić, wpisz adres e-mail tej osoby ({ $email })
erase-confirm-dialog = Trwale usunąć dane osobowe tej osoby? Tej operacji nie można cofnąć.
erase-button = Usuń dane osobowe
erase-done-at = Dane osobowe usunięto { $when }. Konto pozostaje wyłącznie po to, by zgadzały się statystyki.
error-erase-self = Nie możesz usunąć danych własnego konta. Poproś o to innego administratora.
error-erased-already = Te dane osobowe zostały już usunięte.
error-erase-confirm = Wpisany adres e-mail się nie zgadza. Niczego nie usunięto.
flash-person-erased = Usunięto dane osobowe.
flash-application-erased = Usunięto dane kandydata i jego CV.
application-erased-at = Dane osobowe kandydata usunięto { $when }.
application-erase-title = Usuń dane kandydata
application-erase-help = Na prośbę kandydata albo gdy nie wolno już przechowywać jego danych: imię i nazwisko, adres e-mail, profil, wiadomość i plik CV zostaną trwale usunięte. Aplikacja nadal jest wliczana do statystyk i poleceń, ale bez danych osobowych.
application-erase-confirm = Trwale usunąć dane i CV tego kandydata? Tej operacji nie można cofnąć.
application-erase-button = Usuń dane kandydata
audit-do-person-erase = Usunięto dane osobowe: { $subject }
audit-do-application-erase = Usunięto dane kandydata: { $subject }

# --- retention (C14, GDPR article 5(1)(e)) ---
careers-future-consent = Wyrażam też zgodę na przetwarzanie moich danych osobowych na potrzeby przyszłych rekrutacji przez { $period } od złożenia tej aplikacji (zgoda dobrowolna).
careers-future-consent-months =
    { $count ->
        [one] { $count } miesiąc
        [few] { $count } miesiące
        [many] { $count } miesięcy
       *[other] { $count } miesiąca
    }
careers-future-consent-hint = Bez tej zgody Twoją aplikację i CV usuniemy { $period } po zakończeniu tej rekrutacji.
applications-future-consent-given = Zgoda na przyszłe rekrutacje udzielona { $when }
audit-do-retention-run = Automatyczne usuwanie danych usunęło (aplikacje / CV / kliknięcia / powiadomienia / wiadomości / wpisy dziennika): { $subject }

# --- processing register (C14, GDPR article 30) ---
nav-privacy = Dane osobowe
register-title = Rejestr czynności przetwarzania
register-intro = Wszystkie rodzaje danych, które przechowuje Ambasada: po co, gdzie (tabele i kolumny), jak długo i kto je widzi. Rejestr powstaje z tej samej listy, którą test porównuje ze schematem bazy danych, więc nie może się zdezaktualizować. Okresy pochodzą z obowiązujących ustawień retencji.
register-personal = Dane osobowe
register-other = Pozostałe dane (dane samego programu; niektóre kolumny wskazują numerem osobę, która utworzyła albo zmieniła wpis)
register-why = Po co
register-who = Kto widzi
register-keep = Jak długo
register-where = Gdzie
register-runs = Automatyczne usuwanie danych
register-runs-none = Automatyczne usuwanie danych jeszcze się nie odbyło: pierwsze rusza w ciągu godziny od uruchomienia serwera.
register-run-unfinished = nieukończone: jeden z kroków się nie powiódł (szczegóły w logu); następnego dnia usuwanie nadrobi zaległości
register-runs-columns = Usunięto: aplikacje / CV / kliknięcia / powiadomienia / wiadomości / wpisy dziennika
register-rights = Kopia danych osoby: na jej stronie (administratorzy) albo w jej profilu. Usunięcie: na stronie osoby (administratorzy) albo na stronie aplikacji (rekruterzy).
register-days =
    { $count ->
        [one] { $count } dzień
       *[other] { $count } dni
    }
register-months =
    { $count ->
        [one] { $count } miesiąc
        [few] { $count } miesiące
        [many] { $count } miesięcy
       *[other] { $count } miesiąca
    }
register-accounts-title = Konta
register-accounts-why = Logowanie, role i zespoły, sieci osoby i liczba obserwujących (do szacunków zasięgu), ustawienia podsumowań, kalendarze do subskrypcji oraz listy pracowników czekające na potwierdzenie administratora.
register-accounts-who = Administratorzy widzą wszystkich; koordynatorzy członków swoich programów; współpracownicy nazwiska w rankingach, chyba że ktoś je ukryje; każdy swój profil.
register-accounts-keep = Dopóki istnieje konto: administrator dezaktywuje je, gdy ktoś odchodzi, i usuwa dane na wniosek (konto zostaje wtedy jako pusta skorupa bez danych osobowych, by zgadzały się statystyki); niepotwierdzona lista pracowników przez dobę.
register-security-title = Bezpieczeństwo logowania
register-security-why = Sesje, osobiste tokeny API i jednorazowe linki (zaproszenia, reset hasła) przechowujemy jako skróty; przy nieudanych logowaniach wpisany adres e-mail i skrót adresu sieciowego z kluczem, przy limitach prób tylko skróty z kluczem, by utrudnić zgadywanie.
register-security-who = Nikt nie widzi sekretów; każdy widzi swoje tokeny w profilu.
register-security-keep = Sesje do wygaśnięcia (30 dni), linki do wygaśnięcia (najwyżej 7 dni), tokeny do odwołania (nazwa i daty odwołanego tokenu zostają przy koncie), nieudane logowania przez 15 minut, zapisy limitów prób przez dobę.
register-sharing-title = Udostępnienia i linki śledzące
register-sharing-why = Co udostępnił każdy ambasador (tekst, sieć, adres posta, personalizacja), jego linki śledzące i zaplanowane posty: pomiar programu, punkty i kalendarz.
register-sharing-who = Ambasador; koordynatorzy programu; administratorzy. Raporty pokazują sumy.
register-sharing-keep = Dopóki istnieje konto; usunięcie danych czyści teksty i adresy postów, a liczby zostają.
register-linkedin-title = Połączenia z LinkedIn i posty publikowane bezpośrednio
register-linkedin-why = Aby na prośbę ambasadora publikować jego posty na jego profilu LinkedIn: identyfikator i nazwa członka LinkedIn, token dostępu wydany przez LinkedIn (zaszyfrowany kluczem secret_key serwera), jego ważność oraz posty opublikowane lub zaplanowane przez to połączenie, z ich stanem i odpowiedzią LinkedIn.
register-linkedin-who = Ambasador (własne posty i połączenie). Tokenu nie odczyta nikt: służy wyłącznie do wywołań LinkedIn.
register-linkedin-keep = Połączenie – dopóki ambasador go nie odłączy albo nie zostanie usunięte (wygasły token jest bezużyteczny i zastępuje go kolejne połączenie); posty – tak długo, jak istnieje konto. Usunięcie danych osoby kasuje jedno i drugie.
register-clicks-title = Kliknięcia
register-clicks-why = Każde kliknięcie linku śledzącego: kiedy, w który link, sieć, rodzaj przeglądarki, strona odsyłająca i skrót odwiedzającego liczony z codziennie zmienianą solą (adresów IP nie zapisujemy); konwersje przypisane do kliknięcia.
register-clicks-who = Nikt nie widzi pojedynczych kliknięć: raporty pokazują liczby dzienne.
register-clicks-keep = Surowe kliknięcia przez { $period }, potem tylko liczby dzienne; skróty odwiedzających danego dnia przez dwa dni; dzienna sól przez dzień; kliknięcia, na które wskazuje konwersja albo aplikacja, zostają razem z nimi.
register-measurement-title = Pomiar ambasadorów
register-measurement-why = Dzienne i miesięczne liczby każdego ambasadora (udostępnienia, kliknięcia, odwiedzający, konwersje), z których powstają pulpity, rankingi i przeglądy.
register-measurement-who = Koordynatorzy programu, rekruterzy i administratorzy (raporty); ambasador swoje.
register-measurement-keep = Dopóki potrzebne są raporty programu; po usunięciu danych liczby zostają pod podpisem „Dane usunięte”.
register-programs-title = Programy, rekrutacja ambasadorów i szkolenia
register-programs-why = Kto należy do którego programu, zgłoszenia do programów (sieci, tematy, motywacja, ocena, decyzja, zgoda), przeczytane lekcje i wyniki quizów.
register-programs-who = Ta osoba; koordynatorzy programu; administratorzy.
register-programs-keep = Dopóki istnieje konto; usunięcie danych czyści motywację.
register-motivation-title = Punkty i nagrody
register-motivation-why = Zdobyte i wydane punkty, odznaki, zwycięzcy wyzwań i prośby o nagrody.
register-motivation-who = Ambasador; koordynatorzy programu; administratorzy; rankingi pokazują współpracowników, chyba że ukryją nazwisko.
register-motivation-keep = Dopóki istnieje konto.
register-candidates-title = Kandydaci
register-candidates-why = Aplikacje ze strony kariery (imię i nazwisko, adres e-mail, profil, wiadomość, plik CV, treść zgody w chwili jej udzielenia, nieobowiązkowa zgoda na przyszłe rekrutacje), ich etapy oraz ambasador, który polecił ofertę.
register-candidates-who = Rekruterzy i administratorzy; polecający ambasador widzi tylko, że ktoś złożył aplikację przez jego link.
register-candidates-keep = { $period } od zamknięcia oferty, potem dane są usuwane (razem z plikiem CV); ze zgodą na przyszłe rekrutacje przez okres podany w zgodzie, liczony od złożenia aplikacji; rekruter usuwa dane kandydata na jego prośbę.
register-enps-title = Ankiety eNPS
register-enps-why = Kto wziął udział w ankiecie (by nikt nie odpowiedział dwa razy) oraz odpowiedzi bez osoby: oceny liczone dla ankiety, komentarze osobno; odpowiedzi czekają niepowiązane, aż ankieta zbierze ich wystarczająco wiele.
register-enps-who = Nikt nie widzi, kto co odpowiedział; koordynatorzy i administratorzy widzą wyniki.
register-enps-keep = Dopóki istnieje ankieta.
register-reviews-title = Przeglądy miesięczne
register-reviews-why = Przeglądy programu: notatki, liczby zamrożone przy publikacji (z najlepszymi ambasadorami), obecność oraz decyzje z osobami odpowiedzialnymi.
register-reviews-who = Koordynatorzy programu i administratorzy; opublikowane przeglądy także członkowie programu.
register-reviews-keep = Dopóki istnieje program.
register-notifications-title = Powiadomienia i podsumowania
register-notifications-why = Powiadomienia w aplikacji (co się stało i gdzie zajrzeć) oraz to, które podsumowania wysłano.
register-notifications-who = Osoba, do której jest powiadomienie.
register-notifications-keep = Powiadomienia przez { $period }; zapis wysłanych podsumowań, dopóki istnieje konto.
register-messages-title = E-maile i wiadomości webhooków
register-messages-why = E-maile czekające i wysłane (adres, temat, treść) oraz wiadomości do Slacka, Teams i adresów podpisanych webhooków.
register-messages-who = Administratorzy (skrzynka nadawcza i strony webhooków).
register-messages-keep = Treści wysłanych albo porzuconych e-maili i wiadomości przez { $period }; kto i kiedy dostał który e-mail, dopóki istnieje konto.
register-audit-title = Dziennik zdarzeń
register-audit-why = Kto co zrobił i komu: czynności administracyjne, eksporty, usunięcia danych i automatyczne usuwanie danych.
register-audit-who = Administratorzy.
register-audit-keep = { $period }; wpisy o osobie, której dane usunięto, wskazują tylko jej numer.
register-content-title = Treści, kursy i oferty pracy
register-content-why = Biblioteka postów i jej obieg akceptacji, kursy i oferty pracy; jedna z kolumn wskazuje autora albo osobę, która zatwierdziła.
register-setup-title = Ustawienia programów
register-setup-why = Programy, zespoły, kalendarz, cele, zasady punktów, nagrody, budżety, wyzwania, otwarcia ankiet, integracje i ustawienia; jedna z kolumn wskazuje, kto utworzył wpis.
register-totals-title = Sumy
register-totals-why = Dzienne liczby dla linków, programów i treści, liczniki zmian oraz to, co usunęło każde automatyczne usuwanie danych (tylko liczby).

# --- applications per offer ---
applications-for-offer = Aplikacje na ofertę „{ $offer }”.
applications-all-offers = Wszystkie oferty
applications-future-consent-until = do { $when }

## Dokumentacja API (/api/docs), generowana z dokumentu OpenAPI.
apidocs-title = Dokumentacja API
apidocs-version = wersja
apidocs-intro = Wszystkie wywołania, potrzebne uprawnienia tokenu, parametry, treści żądań i odpowiedzi, wygenerowane z tego samego dokumentu, który serwer udostępnia jako openapi.json. Opisy są po angielsku, tak jak komunikaty API.
apidocs-operations = Wywołania
apidocs-schemas = Typy danych
apidocs-no-token = Nie wymaga tokenu.
apidocs-any-token = Wystarczy dowolny ważny token.
apidocs-scopes = Uprawnienia tokenu
apidocs-params = Parametry
apidocs-body = Treść żądania
apidocs-answers = Odpowiedzi
apidocs-name = Nazwa
apidocs-in = Miejsce
apidocs-type = Typ
apidocs-description = Opis
apidocs-status = Status
apidocs-field = Pole
apidocs-required = wymagane
apidocs-or = lub
apidocs-values = Wartości
apidocs-closed = Pola spoza tej listy są odrzucane (422).
apidocs-tag-people = Osoby
apidocs-tag-content = Biblioteka treści
apidocs-tag-sharing = Udostępnianie
apidocs-tag-tracking = Linki śledzące
apidocs-tag-recruiting = Rekrutacja
apidocs-tag-programs = Programy
apidocs-tag-calendar = Kalendarz publikacji
apidocs-tag-rewards = Punkty i nagrody
apidocs-tag-reports = Raporty i przeglądy
apidocs-tag-webhooks = Webhooki
apidocs-tag-meta = Ten dokument
tokens-reference = W dokumentacji API znajdziesz wszystkie wywołania i potrzebne im uprawnienia.
