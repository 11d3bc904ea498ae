# Ambasada: English translation catalog (Project Fluent).
# Keys must match pl.ftl exactly. Continuation lines are always indented.

## Layout

layout-skip = Skip to content
layout-nav = Main menu
layout-language = Language
layout-language-switch = Change
layout-logout = Log out
layout-tagline = your company's ambassador program

nav-home = Home
nav-users = People
nav-teams = Teams
nav-brand = Company brand
nav-import = Import
nav-outbox = Outbox
nav-audit = Audit log
nav-profile = Profile

pager = Pages
pager-prev = ← Previous
pager-next = Next →

## Common actions and fields

action-save = Save
action-cancel = Cancel
action-delete = Delete
action-filter = Filter
action-search = Search
nav-group-posts = Posts
nav-group-results = My results
nav-group-content = Content
nav-group-programs = Programs
nav-group-recruiting = Recruiting
nav-group-admin = Admin
nav-group-account = Account
layout-menu = Menu
error-attach-again = Choose the file again: the form came back with errors above, and browsers do not keep an attached file.
action-copy = Copy

field-email = Email
field-name = Name
field-first-name = First name
field-last-name = Last name
field-language = Language
field-password = Password
field-new-password = New password
field-password-confirm = Repeat new password
field-current-password = Current password
field-time-zone = Time zone
field-profile-url = Profile URL
field-network-size = Connections or followers
field-token-name = Token name

people-count =
    { $count ->
        [one] { $count } person
       *[other] { $count } people
    }

## Roles and token scopes

role-admin = Admin
role-coordinator = Coordinator
role-editor = Editor
role-recruiter = Recruiter
role-ambassador = Ambassador

scope-content-read = read the content library
scope-content-write = create and edit content
scope-shares-write = record shares
scope-conversions-write = report conversions
scope-reports-read = read reports

## Form errors

error-required = This field is required.
error-email = Enter a valid email address, e.g. jane.smith@company.com.
error-characters = Remove line breaks and other control characters from this value.
error-too-long = This value is too long.
error-locale = Unknown language. Choose Polish (pl) or English (en).
error-password-short = The password must have at least 8 characters.
error-password-long = The password can have at most 256 characters.
error-password-mismatch = The passwords don't match.
error-current-password = Your current password is wrong.
error-profile-url = This doesn't look like a { $network } profile URL. Paste the full link starting with https://.
error-number = Enter a number.
error-network-size = Enter a whole number from 0 to 100,000,000.
error-time-zone = Unknown time zone. Pick one from the list, e.g. Europe/Warsaw.
error-role = Unknown role.
error-team = The selected team doesn't exist.
error-scope-role = Your roles do not allow one of the chosen scopes.
error-scope = Unknown scope.
error-email-taken = Someone with this email already has an account.
error-team-taken = A team with this name already exists.
error-last-admin = This is the only active admin account. Give the admin role to someone else first.
error-deactivate-self = You can't deactivate your own account.
error-reinvite = An invitation can only be sent again to an active person who hasn't set a password yet.

## Error pages

error-page-not-found = This page doesn't exist.
error-page-forbidden = You don't have access to this page.
error-page-unauthenticated = Log in to see this page.
error-page-internal = Something went wrong on our side. The error has been logged; please try again in a moment.
error-csrf = The form has expired or was sent from another site. Reload the page and try again.
error-bad-request = The request could not be understood. Check the address or go back and try again.
error-timeout = The request took too long. Please try again.
error-too-large = The data sent is too large.
error-back-home = Back to the home page

## Flash messages

flash-saved = Changes saved.
flash-profile-saved = Profile saved.
flash-password-changed = Password changed. You've been logged out on your other devices.
flash-token-revoked = Token revoked.
flash-logged-out = You've been logged out. See you soon!
flash-reset-sent = If this address belongs to an active account, we've sent it a link to set a new password. The link is valid for 1 hour.
flash-password-set = Your new password is set. Log in with it.
flash-welcome = Welcome to the program! Your account is ready; fill in your profile to get started.
flash-invited = Invitation sent to { $arg }.
flash-deactivated = { $arg }'s account has been deactivated.
flash-reactivated = { $arg }'s account has been reactivated.
flash-team-created = Team “{ $arg }” created.
flash-team-deleted = Team “{ $arg }” deleted.
flash-imported = Import finished: { $arg }.
flash-email-requeued = The email is back in the queue and will be sent again.

## Login and passwords

login-title = Log in
login-intro = Log in with your work email and your password.
login-submit = Log in
login-forgot = Forgot your password?
login-failed = Wrong email or password.
login-throttled =
    { $count ->
        [one] Too many failed login attempts. Try again in a minute.
       *[other] Too many failed login attempts. Try again in { $count } minutes.
    }

## Single sign-on (the company's identity provider)

login-sso = Sign in with { $name }
login-sso-generic = Sign in with your company account
login-or-password = Or log in with your work email and your password.
login-admin-password = Administrator sign-in with a password
login-password-off = Passwords are turned off: sign in with your company account. Only the designated administrator may use a password here.
sso-title = Company sign-in
sso-unavailable = The company sign-in is unavailable right now: your company's identity provider cannot be reached. Try again in a few minutes.
sso-denied = The sign-in was cancelled, or your company's identity provider refused it.
sso-provider-error = Your company's identity provider could not complete the sign-in. Try again.
sso-expired = This sign-in has expired or was started in another browser. Start it again.
sso-unverified = The sign-in could not be verified. Start it again; if this keeps happening, tell your administrator.
sso-no-email = Your company account did not give us an email address, so we can't tell which account is yours. Ask your administrator.
sso-email-unverified = Your company account's email address is not verified. Ask your administrator.
sso-domain = Your address's domain ({ $domain }) is not allowed here. Sign in with your work account.
sso-deactivated = Your account has been deactivated. Ask an administrator if you should still have access.
sso-not-invited = There is no account for { $email } yet. An administrator must invite you first; then sign in again.
sso-try-again = Try again
sso-back = Back to the login page
flash-invite-sso = Your company signs in with its own accounts: use the button below, no password needed.
audit-do-user-sso-login = Signed in with single sign-on: { $subject }
audit-do-user-sso-create = Account created at a first single sign-on: { $subject }

forgot-title = Forgot your password?
forgot-intro = Enter your account's email address and we'll send you a link to set a new password.
forgot-submit = Send link
forgot-back = Back to login

setpw-title-invite = Join the ambassador program
setpw-title-reset = Set a new password
# the completeness test sees them as keys, so they carry a neutral fallback here.
setpw-hello = Hi { $name }!
setpw-intro = Choose a password of at least 8 characters. A few words that are easy for you to remember and hard to guess work well.
setpw-submit = Set password
setpw-invalid = This link has expired or has already been used.

## Home

home-title = Home
home-hello = Hi { $name }!
home-your-roles = Your roles
home-no-roles = none yet
home-become-title = Become an ambassador
home-become-intro = Share the company's stories on your own profiles, in your own words: the coordinator prepares ready-made posts, training and a calendar. Taking part is voluntary, and you can leave at any time.
home-become-none = There is no program to join yet. Your coordinator will let you know when one starts.
home-active-people =
    { $count ->
        [one] active person
       *[other] active people
    }
home-invited-people =
    { $count ->
        [one] pending invitation
       *[other] pending invitations
    }
home-teams =
    { $count ->
        [one] team
       *[other] teams
    }
home-unsent-emails =
    { $count ->
        [one] unsent email
       *[other] unsent emails
    }
home-no-smtp = Email sending (SMTP) isn't set up. You'll find invitations and password links in the outbox:
home-admin-tasks = Admin tasks
home-profile = Your profile
home-profile-empty = You haven't added any social networks yet. Add your profiles so the program coordinator knows where you post.
home-profile-networks =
    { $count ->
        [one] Your profile lists { $count } social network.
       *[other] Your profile lists { $count } social networks.
    }
home-profile-edit = Edit profile

## Profile

profile-title = Your profile
profile-about = About you
profile-networks = Social networks
profile-networks-help = Add the profiles you can post from as part of the program, with your approximate number of connections or followers. We use it to estimate the reach of your shares.
profile-password = Password
profile-password-change = Change password

tokens-advanced = Advanced: API tokens for other tools
tokens-intro = A personal token lets another tool use the API on your behalf. A token has only the scopes you choose, and never more than your roles allow.
tokens-created = Here is your new token. Copy it now: you won't be able to see it again.
tokens-none = You don't have any tokens yet.
tokens-scopes = Scopes
tokens-created-at = Created
tokens-last-used = Last used
tokens-identity-only = identity only
tokens-never = never
tokens-revoke = Revoke
tokens-new = New token
tokens-create = Create token

## Admin: people

users-title = People
users-invite = Invite someone
users-invite-intro = We'll send an email with a link to set a password. The link will be valid for 7 days.
users-invite-send = Send invitation
users-search = Search by name or email
users-role = Role
users-any-role = All roles
users-team = Team
users-any-team = All teams
users-status = Status
users-any-status = All statuses
users-active = Active
users-deactivated = Deactivated
users-invited = Invited
users-not-invited = Not invited yet
users-send-invitation = Send the invitation
users-none = No people found.
users-roles = Roles
users-teams = Teams
users-access = Access
users-reinvite = Send invitation again
users-deactivate = Deactivate account
users-deactivate-confirm = Deactivate this account? The person will be logged out at once.
users-deactivate-help = Deactivating ends all of the person's sessions at once and blocks login. Their history in the program stays, and you can reactivate the account at any time.
users-reactivate = Reactivate account

## Admin: teams

teams-name = Team name
teams-title = Teams
teams-new = New team
teams-create = Add team
teams-none = There are no teams yet.
teams-members = People
teams-rename = Rename
teams-delete-confirm = Delete this team? Its members keep their accounts; they are only removed from the team.

## Admin: employee import

import-title = Import employees
import-intro = Upload a CSV file from your HR system (HRIS). The first row holds the column headers, for example:
import-rules = Required columns: email, first_name, last_name. Optional: team, roles (separate several roles with |) and language (pl or en, pl by default). Headers may also be in Polish (Imię, Nazwisko, Zespół, Język); the separator may be a semicolon or a comma; the encoding is UTF-8. People are matched by email: importing again updates first name, last name and language, sets the team from the file (unless the cell is empty) and adds roles but never removes them. You'll see a preview first; if any row has an error, nothing is imported.
import-file = CSV file
import-check = Check file
import-dry-run = Import preview: { $file }
import-added =
    { $count ->
        [one] { $count } new person
       *[other] { $count } new people
    }
import-changed =
    { $count ->
        [one] { $count } person with changes
       *[other] { $count } people with changes
    }
import-unchanged =
    { $count ->
        [one] { $count } person unchanged
       *[other] { $count } people unchanged
    }
import-invite-new = Send invitations to new people
import-confirm = Import
import-added-title = New people
import-new-teams = { $count ->
    [one] The import creates a new team:
   *[other] The import creates { $count } new teams:
}
import-team-new = new team
import-changed-title = People with changes
import-line = Line
import-what-changes = What changes
import-errors =
    { $count ->
        [one] { $count } error in the file
       *[other] { $count } errors in the file
    }
import-nothing-imported = Nothing was imported from { $file }. Fix the rows below and upload the file again.
import-column = Column
import-problem = Problem
import-done = { $added } added, { $changed } changed, { $unchanged } unchanged

import-column-email = email
import-column-first-name = first name
import-column-last-name = last name
import-column-team = team
import-column-roles = roles
import-column-language = language

import-error-role = Unknown role “{ $role }”. Use admin, coordinator, editor, recruiter or ambassador.
import-error-duplicate = This email already appears on line { $line }.
import-error-missing-column = This required column is missing.
import-error-malformed = This line can't be read. Save the file as CSV in UTF-8.
import-error-empty = The file has headers but no people.
import-error-upload = The file couldn't be uploaded. Please try again.
import-error-too-large = The file is too large (10 MB at most).
import-error-no-file = Choose a CSV file to upload.

## Admin: outbox

outbox-title = Outbox
outbox-smtp-on = Emails are sent through SMTP. Failed sends are retried automatically.
outbox-smtp-off = Email sending (SMTP) isn't set up, so nothing is sent. Pass the links in the messages below on to the people they're addressed to.
outbox-all = All
outbox-status-pending = Queued
outbox-status-sending = Sending
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-count =
    { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
outbox-none = No messages.
outbox-created = Created
outbox-to = To
outbox-subject = Subject
outbox-status = Status
outbox-attempts = Attempts
outbox-sent-at = Sent
outbox-last-error = Last error
outbox-retry = Send again

## Admin: audit log

audit-title = Audit log
audit-none = Nothing has been logged yet.
audit-when = When
audit-who = Who
audit-action = Action
audit-system = system
audit-do-calendar-feed-revoke = Calendar feed link revoked: { $subject }
audit-do-careers-consent = Careers page consent text changed
audit-do-course-create = Course created: { $subject }
audit-do-course-edit = Course changed: { $subject }
audit-do-demo-seed = Demo data loaded
audit-do-digest-unsubscribe = Unsubscribed from email digests: { $subject }
audit-do-enps-open = eNPS survey opened: { $subject }
audit-do-import-employees = Employees imported: { $subject }
audit-do-points-bots = Points for bot clicks withdrawn: { $subject }
audit-do-points-rules = Points rules changed: { $subject }
audit-do-program-course-require = Course made required: { $subject }
audit-do-program-course-unrequire = Course no longer required: { $subject }
audit-do-program-create = Program created: { $subject }
audit-do-program-edit = Program changed: { $subject }
audit-do-program-emv-rates = EMV rates changed: { $subject }
audit-do-program-goal-add = Goal added: { $subject }
audit-do-program-candidate-accepted = Candidate accepted: { $subject }
audit-do-program-candidate-declined = Candidate declined: { $subject }
audit-do-program-candidate-waitlisted = Candidate put on the waiting list: { $subject }
audit-do-program-leave = Left a program: { $subject }
audit-do-program-member-add = Added to a program: { $subject }
audit-do-program-member-remove = Removed from a program: { $subject }
audit-do-program-webhook-remove = Program channel webhook removed: { $subject }
audit-do-program-webhook-set = Program channel webhook set: { $subject }
audit-do-team-create = Team created: { $subject }
audit-do-brand-update = Company brand changed: { $subject }
audit-do-team-delete = Team deleted: { $subject }
audit-do-team-rename = Team renamed: { $subject }
audit-do-user-create = Account created: { $subject }
audit-do-user-deactivate = Account deactivated: { $subject }
audit-do-user-edit = Account changed: { $subject }
audit-do-user-invite = Invitation sent: { $subject }
audit-do-user-reactivate = Account reactivated: { $subject }
audit-do-user-reinvite = Invitation sent again: { $subject }
audit-do-user-role-ambassador = Ambassador role given: { $subject }

## Emails (plain text)

email-invite-subject = You're invited to your company's ambassador program
email-invite-body =
    Hi { $name },

    { $inviter } has invited you to your company's ambassador program on Ambasada.

    To join, set your password here:
    { $link }

    The link is valid for 7 days and works only once. If you weren't expecting this invitation, just ignore this email.
email-reset-subject = Set a new Ambasada password
email-reset-body =
    Hi { $name },

    We received a request to set a new password for your account. You can do it here:
    { $link }

    The link is valid for 1 hour and works only once. If you didn't ask for this, ignore this email: your current password still works.

## Content library, ready-made posts and shares

nav-feed = Ready-made posts
nav-shares = My shares
nav-linkedin = My LinkedIn posts
nav-content = Content library
nav-programs = Programs

action-edit = Edit

field-title = Title
field-category = Category
field-target-url = Target link
field-hashtags = Hashtags
field-image = Image
field-starts-at = Available from
field-expires-at = Available until
field-network = Network
field-post-url = Post URL
field-topic = Post topic
field-purpose = Purpose
field-slug = Short name (in links)

status-draft = Draft
status-submitted = Submitted
status-approved = Approved
status-rejected = Rejected
status-published = Published
status-expired = Expired

category-employer-branding = Employer branding
category-company-life = Company life
category-product = Product
category-job-offer = Job offer
category-event = Event

content-title = Content library
content-new = New post
content-edit = Edit post
content-back = Back to the post
content-all = All
content-all-programs = all programs
content-all-teams = all teams
content-count =
    { $count ->
        [one] { $count } post
       *[other] { $count } posts
    }
content-none = No posts here yet.
search-posts = Search posts (title, text, hashtags)
search-none = No posts match “{ $q }”.
content-status = Status
content-author = Author
content-by = by { $name }
content-shares = Shares
content-choose = Choose a category
content-form-problems = Fix the marked fields and try again.
content-target-help = The page the post leads to, e.g. a job offer or a blog article. Each ambassador gets their own tracked link to it.
content-texts = Suggested text
content-texts-help = Write a text for each network where this post should appear (at least one). Skip networks it doesn't suit. Don't paste the link: the tracked link is added at the end automatically.
content-x-link-note = on X, the link always counts as 23 characters
content-image-help = PNG, JPEG or WebP, up to 5 MB.
content-remove-image = Remove the image
content-starts-help = Leave empty to make it available as soon as it's approved.
content-no-expiry = no end date
content-target-programs = Target programs
content-target-programs-help = If you don't tick any program, the post goes to all of them.
content-target-teams = Target teams
content-target-teams-help = If you don't tick any team, ambassadors from every team will see the post.
content-save-draft = Save draft
content-save-submit = Save and submit for approval
content-submit = Submit for approval
content-approve = Approve
content-reject = Reject
content-withdraw = Withdraw now
content-withdraw-help = Takes the post out of the feed at once: its tracked links stop leading to the page.
content-reject-reason = Reason for rejecting (the author will see it)
content-rejected-because = This post was rejected. Reason:
content-history = History
content-system = system
content-suggest = Suggest a post
content-suggest-intro = Got an idea for a post? Write it up here. The program coordinator will review your suggestion, and once it's approved it becomes a ready-made post for the ambassadors in your program.
content-send-suggestion = Send suggestion

feed-title = Ready-made posts
feed-intro = Ready-made posts prepared for your program. Pick one, make the text your own and share it on your network.
feed-no-program = You're not in an ambassador program yet. If you'd like to join, contact the program coordinator.
feed-my-language = Show only posts in my language
feed-all-languages = Show posts in all languages
feed-empty = There are no ready-made posts for you right now. Check back later or suggest one of your own.
feed-share = Share
feed-shared-times =
    { $count ->
        [one] shared once
       *[other] shared { $count } times
    }

share-networks = Networks
share-rewrite = Write this post your own way. When many colleagues publish identical text, it looks unnatural and people trust it less. Your own words and experience work best: change at least the opening and add something of your own.
share-your-text = Your text for { $network }
share-personalisation = Personalisation
share-done-title = Shared on { $network }. Thank you!
share-done-clicks = { $count ->
    [one] { $count } click on your links to this post so far
   *[other] { $count } clicks on your links to this post so far
}
share-done-clicks-hint = (people only, all your networks; clicks come in over the next days)
share-next = Next post: { $title }
share-back-to-feed = Back to the ready-made posts
share-again = Share it again
share-advice = How to share well
share-preview = How the link will look
share-preview-hint = The network builds the preview from the page the link leads to; its own title and picture may differ.
share-image-download = Download the image
share-personalised = Great, this text sounds like you.
share-not-personalised = The text is still very close to the suggested one: make it your own.
share-on = Share on { $network }
share-how = The button copies your text with your tracked link and opens the network's share page in a new tab. Paste the text there and publish the post. LinkedIn (like Facebook and XING) takes only the link, so you paste the text yourself; on X the text is already filled in.
share-near-identical = A colleague shared nearly the same text of this post today. Change it a little so your post doesn't look like a copy.
share-ready = Ready! Now publish your post
share-final-text = Your text with your tracked link
share-link = Your tracked link
share-open = Open the { $network } share page
share-confirm-title = Posted it? Confirm your share
share-post-url = Link to your { $network } post (optional)
share-confirm = I posted it
share-yours = Your shares of this post
share-post = View post
share-suggested = Suggested text

shares-title = My shares
shares-own-title = Log your own post
shares-own-intro = A post you wrote entirely yourself, without a ready-made text, counts too. Choose the network and paste the link to the post to record it as your share.
shares-own-submit = Log post
shares-own-badge = own post
shares-none = You haven't shared anything yet.
shares-what = Post

programs-title = Ambassador programs
programs-none = There are no programs yet.
programs-new = New program
programs-create = Create program
programs-coordinator = Coordinator
programs-members = Members
programs-limit = Daily share limit
programs-limit-help = How many shares one ambassador can record per day. 0 means no limit.
programs-slug-help = The program's short name in addresses and reports: lowercase letters, digits and hyphens. Leave empty to make one from the name.
programs-add-member = Email of the person to add
programs-add = Add
programs-no-members = No one is in this program yet.
programs-joined = Joined
programs-remove = Remove from program

error-category = Choose a category.
error-url = Enter a full web address starting with https://.
error-datetime = Enter a valid date and time.
error-expiry-before-start = The end must be later than the start.
error-text-required = Write a text for at least one network.
error-text-too-long = The text is too long: it has { $length } characters and at most { $limit } fit.
error-hashtag = “{ $tag }” isn't a valid hashtag. A hashtag can contain only letters, digits and _ (at most 50 characters).
error-hashtags-too-many = You can add at most { $max } hashtags.
error-image-too-large = The image is too large. Upload a file of at most 5 MB.
error-image-type = This file isn't a supported image. Upload a PNG, JPEG or WebP file.
error-upload = The form couldn't be uploaded. Please try again.
error-program = The chosen program doesn't exist.
error-content-changed = Someone changed this post in the meantime. Check the current version and try again.
error-transition-not-allowed = This step isn't possible in the post's current status. Reload the page to see what changed.
error-transition-role = You can't take this step for this post.
error-reject-reason = Give a reason for rejecting: the author will see it with the post.
error-network = Choose a network from the list.
error-post-url = This doesn't look like a link to a { $network } post. Paste the full post URL starting with https://.
error-daily-limit = The program's daily share limit ({ $limit }) has been reached. Try again tomorrow.
error-slug = The short name can contain only lowercase letters a–z, digits and hyphens (at most 60 characters).
error-slug-taken = A program with this short name already exists.
error-coordinator = Choose a person from the list of coordinators.
error-share-limit = Enter a whole number from 0 to 100.
error-member-not-ambassador = This person is not an ambassador yet. An admin can add them, which makes them one.
error-member-unknown = There's no active person with this email address. Invite them first.

flash-content-saved = Post saved.
flash-content-submitted = Post submitted for approval.
flash-content-approved = Post approved. Ambassadors will see it from its start date.
flash-content-rejected = Post rejected. The author will see the reason.
flash-content-withdrawn = Post withdrawn. Its links no longer lead anywhere.
flash-suggestion-sent = Thanks for your suggestion! The program coordinator will review it soon.
flash-shared = Thank you! Share recorded: { $arg }% personalised.
flash-shared-similar = Thank you! Share recorded: { $arg }% personalised. However, your text is nearly identical to one a colleague shared today; next time, make it more your own.
flash-own-post = Your own post is recorded. Thank you!
flash-program-created = Program “{ $arg }” created.
flash-member-added = { $arg } has been added to the program.
flash-member-removed = The person has been removed from the program.

## Click tracking, careers page and recruitment

nav-jobs = Job offers
nav-applications = Applications

links-title = Clicks on your links
links-help = We count clicks on your tracked links across all networks, leaving out bots and the link previews that social networks create. Someone who clicks several times on the same day counts as one unique visitor. A conversion is, for example, a job application sent within 30 days of the click.
links-none = You don't have any tracked links yet. Share a ready-made post and you'll see here how many people clicked it.
links-title-item = Clicks and conversions by network
links-clicks = Clicks
links-unique = Unique visitors
links-bots = Bots and link previews
links-conversions = Conversions

careers-title = Careers
careers-intro = See who we're looking for right now, and join our team.
careers-about = About us
careers-about-company = About { $company }
careers-none = We have no open job offers right now. Check back soon!
careers-see-offer = See the offer
careers-apply = Apply for this job
careers-profile-url = Profile or portfolio link
careers-message = A few words about yourself (optional)
careers-cv = CV
careers-cv-help = Optional. A PDF file of up to 5 MB.
careers-send = Send application
careers-closed = This position is no longer open. Take a look at our other job offers.
careers-form-problems = Fix the marked fields and try again.
careers-consent-default = I agree to the processing of my personal data by the employer for the purpose of this recruitment.

jobs-title = Job offers
jobs-public-page = View the careers page
jobs-none = There are no job offers yet.
jobs-location = Location
jobs-status = Status
jobs-status-open = Open
jobs-status-closed = Closed
jobs-applications = Applications
jobs-applications-count =
    { $count ->
        [one] { $count } application
       *[other] { $count } applications
    }
jobs-new = New job offer
jobs-contract = Contract type
jobs-description = Job description
jobs-description-help = You can use Markdown: headings (## Requirements), lists (- item), bold (**text**) and links ([text](https://…)).
jobs-open = Open: shown on the careers page and accepting applications
jobs-public-link = Public link
jobs-consent-title = Consent to personal data processing
jobs-consent-help = Candidates see this text next to a checkbox on every application form. They can't send an application without ticking it, and the text is saved with each application. Leave a field empty to use the default text.

contract-employment = Employment contract
contract-b2b = B2B contract
contract-mandate = Contract of mandate
contract-internship = Internship

applications-title = Applications
applications-referrals = Referrals
applications-none = No applications here yet.
applications-offer = Job offer
applications-stage = Stage
applications-source = Source
applications-referral = Referral
applications-direct = Direct
applications-direct-long = This application came in directly, not through an ambassador's tracked link, so it isn't a referral.
applications-ambassador = Ambassador
applications-item = Post
applications-program = Program
applications-download-cv = Download CV (PDF)
applications-consent-given = Consent given
applications-move-to = Move to stage
applications-move = Move

stage-new = New
stage-screening = Screening
stage-interview = Interview
stage-offer = Offer
stage-hired = Hired
stage-rejected = Rejected

referrals-title = Referrals
referrals-intro = A referral is an application sent within 30 days of a click on an ambassador's tracked link (the last click counts). See which ambassadors, networks and posts bring in the most candidates.
referrals-by-ambassador = By ambassador
referrals-by-network = By network
referrals-by-item = By post
referrals-none = No referrals yet.
referrals-hires = Hires

error-link-not-found = This link doesn't work. It may be mistyped, or the post it led to is no longer available.
error-offer-closed = This job offer is closed and no longer accepts applications.
error-apply-rate = Too many applications have been sent from this IP address in the last hour. Please try again in an hour.
error-consent = To send your application, tick the consent to the processing of your personal data.
error-cv-too-large = The CV file is too large. Upload a PDF of at most 5 MB.
error-cv-type = The CV must be a PDF file.
error-contract-type = Choose a contract type from the list.
error-stage = This application can't be moved to the chosen stage. An application at the “Hired” stage can't be moved any more. Reload the page to check its current stage.

flash-applied = Thank you for applying! We've sent a confirmation to your email address.
flash-offer-created = Job offer “{ $arg }” created.
flash-stage-moved = The application has been moved to the new stage.

email-applied-subject = Thank you for applying: { $offer }
email-applied-body =
    Hi { $name },

    Thank you for applying for the “{ $offer }” position. We've received your application and passed it on to the recruiter, who will review it and get in touch with you.

    In the meantime, take a look at our other job offers:
    { $link }

    This email was sent automatically; there's no need to reply.

## Goals and the eNPS pulse survey
nav-enps = eNPS
programs-cadence = Review meeting
programs-cadence-help = How often you meet the ambassadors to go through results. Monthly works for most programs.
cadence-weekly = Every week
cadence-biweekly = Every two weeks
cadence-monthly = Every month
cadence-quarterly = Every quarter
error-cadence = Choose how often the review meeting is held.
goals-title = Goals
goals-intro = Measurable goals with a target and a period. Progress is computed from what the platform records; the mark on each bar shows how much of the period has passed.
goals-none = No goals yet. A program without a measurable goal cannot tell whether it works.
goals-target = Target
goals-now = Now
goals-time-elapsed = Time elapsed
goals-no-data = no data yet
goals-new = Add a goal
goals-metric = Metric
goals-start = From
goals-end = To (included)
goals-add = Add goal
goals-delete-confirm = Delete this goal?
error-metric = Choose a metric from the list.
error-goal-target = Enter a positive target: a whole number, or a percentage up to 100 for rates.
error-goal-period = Enter a period whose end comes after its start, at most two years long.
flash-goal-added = Goal added.
flash-goal-deleted = Goal deleted.
metric-shares = Shares
metric-clicks = Clicks
metric-unique-visitors = Unique visitors
metric-applications = Applications
metric-hires = Hires
metric-participation-rate = Participation rate
metric-plan-realisation = Plan realisation
metric-training-completion = Training completion
metric-active-ambassadors = Active ambassadors
goal-status-achieved = Achieved
goal-status-on_track = On track
goal-status-behind = Behind
goal-status-no_data = No data yet
goal-status-not_started = Not started
goal-status-missed = Missed
enps-title = eNPS pulse survey
enps-intro = An anonymous question to every employee: how likely are you to recommend us as an employer? Who answered is stored apart from what they answered, and results appear only from 5 answers.
enps-none = No survey yet.
enps-open = Open a new survey
enps-open-badge = open
enps-close-too-few = { $count ->
    [one] Fewer than { $count } answer so far.
   *[other] Fewer than { $count } answers so far.
} Closing now ends the survey without a result: to keep answers anonymous, scores and comments are shown only from { $count } answers on, and a closed survey takes no more. Wait for more answers, or close it anyway.
enps-close-understood = I understand: this survey will have no result
enps-close-anyway = Close without a result
error-enps-close-too-few = The survey is still open: it has too few answers for a result. Tick "I understand" to close it anyway.
enps-close = Close survey
enps-survey-of = Survey of { $date }
enps-answers = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
enps-breakdown = Promoters / passives / detractors
enps-too-few = { $count ->
    [one] Results appear from { $count } answer.
   *[other] Results appear from { $count } answers.
}
flash-enps-opened = The survey is open to every employee.
flash-enps-closed = The survey is closed.
pulse-title = Pulse survey
pulse-anonymous = Anonymous: your answer is stored without your name, and results are shown only from 5 answers.
pulse-question = How likely are you to recommend us as an employer?
pulse-scale = 0 = not at all likely, 10 = extremely likely
pulse-comment = Anything you want to add? (optional)
pulse-send = Send answer
pulse-answered = Thank you, you have answered this survey.
pulse-none = There is no open survey right now.
flash-enps-thanks = Thank you for your answer.
error-enps-score = Choose a number from 0 to 10.
error-enps-closed = The survey is already closed.
error-enps-answered = You have already answered this survey.
home-pulse = A short anonymous question is waiting for you (one minute).
programs-name = Program name

## Selection: applying to programs, candidates
nav-join = Join a program
join-title = Ambassador programs
profile-programs = My programs
profile-programs-none = You are not in any ambassador program yet.
join-intro = Taking part is voluntary. Apply to a program that suits you; its coordinator reads every application. You can leave at any time.
join-member = You are an ambassador here
join-leave = Leave the program
join-leave-confirm = Leave this program? Your shares so far stay recorded.
join-status-pending = Application under review
join-status-waitlisted = On the waiting list
join-withdraw = Withdraw application
join-declined-before = Your previous application was declined. You can apply again.
join-apply = Apply
join-apply-to = Apply to { $program }
join-form-intro = A few questions so that the coordinator can see where you would fit. It takes two minutes.
join-networks = Networks you use
join-frequency = How often do you post?
frequency-never = Hardly ever
frequency-monthly = A few times a month
frequency-weekly = Every week
frequency-daily = Almost every day
join-sizes = Roughly how many contacts or followers do you have?
join-topics = Topics you like to write about
join-topics-example = e.g. technology, recruitment, our products
join-motivation = In one sentence: why do you want to take part?
join-consent = I have read the program's rules and the company's social media guidelines.
join-send = Send application
candidates-title = Candidates
candidates-intro = Ranked by a transparent score; what contributed is shown under each name. Choose quality over quantity.
candidates-capacity = Capacity (empty: no limit)
candidates-members = { $count ->
    [one] { $count } ambassador now
   *[other] { $count } ambassadors now
}
candidates-none = No candidates are waiting.
candidates-motivation = Why they want to take part
candidates-topics = Topics they like to write about
candidates-message = Message to the candidate (sent by email)
candidates-accept = Accept
candidates-waitlist = Waiting list
candidates-decline = Decline
score-frequency = Posting frequency
score-reach = Reach
score-networks = Networks used
score-topics = Topics
score-motivation = Motivation
error-already-member = You are already an ambassador in this program.
error-already-applied = Your application to this program is already waiting for a decision.
error-networks = Choose at least one network.
error-frequency = Choose how often you post.
error-motivation = Write at least one full sentence (20 characters or more).
error-program-rules = Confirm that you have read the program's rules.
error-decision = Choose accept, waiting list or decline.
error-program-full = The program is full. Put the candidate on the waiting list or raise the capacity.
error-capacity = Enter a whole number from 1, or leave the field empty.
flash-applied-program = Your application to { $arg } has been sent.
flash-withdrawn = Application withdrawn.
flash-left-program = You have left { $arg }.
flash-decided = Decision on { $arg } saved and sent by email.
email-decision-accepted-subject = Welcome to { $program }
email-decision-accepted-body = Hello { $name },

    your application to { $program } has been accepted. Welcome aboard!

    { $message }

    You will find ready-made posts and training in Ambasada.
email-decision-declined-subject = Your application to { $program }
email-decision-declined-body = Hello { $name },

    thank you for applying to { $program }. This time we could not accept your application.

    { $message }
email-decision-waitlisted-subject = Your application to { $program }: waiting list
email-decision-waitlisted-body = Hello { $name },

    thank you for applying to { $program }. You are on the waiting list; we will come back to you when a place frees up.

    { $message }

## Program health check
health-title = Program health check
health-intro = Warnings before the program fails, after the four ways such programs fail: a poor employer reputation, a poor choice of ambassadors, no design, no benefit for the people taking part; plus the patience results need.
health-level-green = Healthy
health-level-amber = Needs attention
health-level-red = At risk
health-fix-enps = Run an eNPS survey
health-fix-candidates = Review the candidates
health-fix-members = See the ambassadors
health-fix-profile = Ask ambassadors to complete their profiles
health-fix-coordinator = Appoint a coordinator
health-fix-goals = Set a goal
health-enps = Employer reputation (eNPS)
health-reviewed = Ambassadors chosen through applications
health-active = Active ambassadors
health-linkedin = LinkedIn profiles
health-goal = Program goal
health-coordinator = Coordinator
health-training = Training
health-training-completion = Training completion
health-review = Regular reviews
health-benefit = Rewards for ambassadors
health-age = Consistency
health-enps-none = No eNPS survey has results yet; run one to learn how employees see the company.
health-enps-negative = eNPS is { $score }: fix the employer brand before asking employees to promote it.
health-enps-low = eNPS is { $score }: employees are lukewarm; ambassadors may struggle to sound convincing.
health-enps-good = eNPS is { $score }: employees recommend the company.
health-no-ambassadors = There are no ambassadors yet; review the candidates.
health-reviewed-ok = { $percent }% of ambassadors were added without an application.
health-reviewed-few = { $count } of { $members } ambassadors ({ $percent }%) were added without reviewing an application: choose quality over quantity.
health-active-ok = { $percent }% of ambassadors have not shared in 30 days.
health-active-few = { $count } of { $members } ambassadors ({ $percent }%) have not shared in 30 days.
health-linkedin-ok = { $count ->
    [0] Every ambassador has a LinkedIn profile set.
    [one] One ambassador has no LinkedIn profile set.
   *[other] { $count } ambassadors have no LinkedIn profile set.
}
health-linkedin-missing = { $count } of { $members } ambassadors ({ $percent }%) have no LinkedIn profile set.
health-goal-set = The program has a goal for the current period.
health-goal-none = No goal covers the current period: set a metric, a target and a period.
health-coordinator-set = The program has a coordinator.
health-coordinator-none = No one coordinates the program: appoint a coordinator.
health-training-required = A required course prepares ambassadors.
health-training-available = { $courses ->
    [one] One course is available.
   *[other] { $courses } courses are available.
}
health-training-none = No course is published: ambassadors get no training.
health-completion-ok = { $percent }% of ambassadors completed the training.
health-completion-low = Only { $percent }% of ambassadors completed the training.
health-review-none = No review has been published yet (meetings every { $cadence } days): hold the meeting and publish its review.
health-review-recent = The last review was { $days ->
    [0] today
    [one] yesterday
   *[other] { $days } days ago
}, within the { $cadence }-day cadence.
health-review-late = The last review was { $days } days ago, past the { $cadence }-day cadence.
health-review-overdue = The last review was { $days } days ago, well past the { $cadence }-day cadence.
health-benefit-ok = Ambassadors earn points and can exchange them for rewards.
health-age-young = Results need 6-9 months; the program is { $days ->
    [one] one day
   *[other] { $days } days
} old.
health-age-keep-going = The program is { $days } days old: keep going, results take 6-9 months.
health-age-mature = The program is { $days } days old: it has had time to show results.

## Training (C4)

nav-training = Training
nav-courses = Courses
training-title = Training
training-intro = Short courses on writing posts, reacting to others' posts and making graphics. Read the lessons, then take the quiz; you can retry as often as you like.
training-none = No courses are published yet.
training-required-notice = Your program asks you to complete “{ $title }” before your first share.
training-open-course = Open the course
training-lessons-count =
    { $count ->
        [one] { $count } lesson
       *[other] { $count } lessons
    }
training-questions-count =
    { $count ->
        [one] { $count } quiz question
       *[other] { $count } quiz questions
    }
training-attempts =
    { $count ->
        [one] { $count } attempt
       *[other] { $count } attempts
    }
training-standing-not-started = Not started
training-standing-in-progress = In progress
training-standing-completed = Completed
training-progress = Progress
training-lessons = Lessons
training-no-lessons = This course has no lessons yet.
training-read = Read
training-continue = Continue
training-lesson = Lesson
training-previous = Previous
training-next = Next
training-mark-read = Mark as read and continue
training-quiz = Quiz
training-quiz-help = Answer every question; some have more than one right answer.
training-pass-mark-is = Pass mark: { $percent }%.
training-quiz-passed = Quiz passed
training-best-score = Best score
training-quiz-take = Take the quiz
training-quiz-retake = Try again
training-quiz-submit = Check my answers
training-quiz-result-passed = Passed!
training-quiz-result-failed = Not passed yet.
training-score = Score
training-quiz-retry-hint = The questions marked below were answered wrongly. Read the lessons again if you like, change your answers and try again.
training-quiz-lessons-left = Read the remaining lessons to complete the course.
training-course-completed = Course completed
training-back-to-course = Back to the course
training-pick-one = Pick one answer.
training-pick-all = Pick every right answer.
training-answer-wrong = This answer is wrong.
training-error-choices-few = Give at least two choices, one per line.
training-error-choices-many = Give at most 10 choices.
training-error-choices-correct = Mark at least one correct choice with a * at the start of its line.
training-error-choices-long = A choice may have at most 300 characters.
training-error-language = Choose Polish or English.
training-error-pass-mark = Enter a pass mark from 1 to 100 (percent).
training-error-required-unpublish = This course is required by { $programs }. Stop requiring it there before you unpublish it.
training-error-position = Enter a position from 1 to 1000, or leave it empty to add at the end.
courses-title = Courses
courses-none = No courses yet. Create the first one below.
courses-new = New course
courses-create = Create course
courses-course-title = Title
courses-description = Description
courses-language = Language
courses-pass-mark = Pass mark (%)
courses-pass-mark-help = The share of quiz questions that must be answered right, from 1 to 100.
courses-publish = Published (ambassadors can see the course)
courses-published = Published
courses-draft = Draft
courses-completed = Completed
courses-in-progress = In progress
courses-not-started = Not started
courses-progress = Completion
courses-preview = Preview
courses-markdown-help = Markdown: **bold**, *italics*, lists, [links](https://example.com) and images ![description](https://example.com/image.png). HTML is shown as text.
courses-lessons-help = Lessons are read in the order of their position.
courses-new-lesson = New lesson
courses-lesson-title = Lesson title
courses-lesson-body = Lesson text
courses-position = Position
courses-add-lesson = Add lesson
courses-delete-confirm = Delete it for good?
courses-quiz-help = Ambassadors complete the course when they have read every lesson and passed the quiz. Without questions, reading the lessons is enough.
courses-new-question = New question
courses-question-text = Question
courses-choices = Choices
courses-choices-placeholder = *A right answer
courses-choices-help = One choice per line; start the right ones with *. One right choice makes a single-choice question, more make a multiple-choice one.
courses-single-choice = Single choice
courses-multiple-choice = Multiple choice
courses-add-question = Add question
courses-required-title = Required before the first share
courses-required-help = Ambassadors of a program that requires this course cannot share until they have completed it.
courses-no-programs = There are no programs you manage.
courses-required-here = Requires this course
courses-required-other = Requires another course
courses-require = Require
courses-unrequire = Stop requiring
courses-no-learners = No ambassadors yet.
courses-attempts = Quiz attempts
courses-standing = Status
flash-course-created = Course “{ $arg }” created. Add lessons and quiz questions.
flash-course-completed = Well done! You have completed “{ $arg }”.
flash-course-required = { $arg } now requires this course before the first share.
flash-course-not-ready = Publish the course and give it at least one lesson or question before a program requires it.
flash-course-not-required = { $arg } no longer requires this course.
flash-course-part-deleted = Deleted.
flash-lesson-added = Lesson added.
flash-lesson-read = Lesson marked as read.
flash-question-added = Question added.
flash-training-required = Complete the course “{ $arg }” first: your program requires it before your first share.
health-fix-training = Open the courses
enps-results-after-close = Results appear when the survey is closed (and has at least 5 answers), so that no single answer can be told from the change it makes.
# --- in-app notifications and each role's home (helper A) ---
nav-notifications = Notifications
notifications-title = Notifications
notifications-read-all = Mark all as read
notifications-none = You have no notifications yet.
notifications-new = New
notifications-unread-label = Unread
notifications-count =
    { $count ->
        [one] { $count } notification
       *[other] { $count } notifications
    }
notifications-unread = { $count } unread
flash-notifications-read = All notifications marked as read.
notification-other = You have a new notification.
notification-content-published = A new ready-made post to share: “{ $title }”.
notification-plan-due = Time for a planned post: “{ $subject }” ({ $network }).
notification-content-approved = Your item “{ $title }” was approved.
notification-content-rejected = Your item “{ $title }” was rejected. Reason: { $reason }
notification-program-candidate = New application to the program { $program }: { $name }.
notification-job-application = New application for the job offer “{ $offer }”: { $name }.
home-attention = Needs your attention
home-attention-none = Nothing needs your attention right now.
home-plan = My plan
home-plan-none = No more planned posts this week.
home-plan-today =
    { $count ->
        [one] Today: { $count } planned post
       *[other] Today: { $count } planned posts
    }
home-plan-week =
    { $count ->
        [one] Later this week: { $count } planned post
       *[other] Later this week: { $count } planned posts
    }
home-plan-open = Open
home-plan-all = My whole plan
home-new-content =
    { $count ->
        [one] { $count } new ready-made post
       *[other] { $count } new ready-made posts
    }
home-new-content-all = All ready-made posts
home-to-review =
    { $count ->
        [one] { $count } item awaits approval
       *[other] { $count } items await approval
    }
home-to-review-all = All items awaiting approval
home-candidates = Candidates waiting for a decision
home-candidates-waiting =
    { $count ->
        [one] { $count } application
       *[other] { $count } applications
    }
home-missed = Planned posts missed this week
home-missed-posts =
    { $count ->
        [one] { $count } planned post
       *[other] { $count } planned posts
    }
home-red-programs =
    { $count ->
        [one] { $count } program at risk
       *[other] { $count } programs at risk
    }
home-my-items = Your items
home-my-rejected =
    { $count ->
        [one] { $count } rejected item
       *[other] { $count } rejected items
    }
home-my-drafts =
    { $count ->
        [one] { $count } draft
       *[other] { $count } drafts
    }
home-reject-reason = Reason for rejection
home-new-applications =
    { $count ->
        [one] { $count } new application
       *[other] { $count } new applications
    }
home-new-applications-all = All new applications

# --- email digests, unsubscribe and iCalendar feeds (helper B) ---
digest-title = Email digest
digest-intro = Once a day or once a week we email you your planned posts, new content to share and content that is about to expire. When there is nothing to tell, nothing is sent.
digest-frequency = How often
digest-frequency-daily = Daily
digest-frequency-weekly = Weekly
digest-frequency-off = Never
digest-hour = Hour
digest-hour-help = In your time zone ({ $zone }).
digest-weekdays = Days
digest-weekdays-help = A weekly digest comes on the first chosen day of the week.
digest-save = Save digest settings
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
error-digest-frequency = Choose how often to send the digest.
error-digest-hour = Choose a full hour from 0 to 23.
error-digest-weekdays = Choose at least one day.
flash-digest-saved = Digest settings saved.
flash-digest-unsubscribed = Done: you will not get digests any more.
email-digest-subject-daily = Your Ambasada digest for today
email-digest-subject-weekly = Your Ambasada digest for this week
email-digest-greeting = Hi { $name },
email-digest-planned-daily =
    { $count ->
        [one] You have { $count } planned post today:
       *[other] You have { $count } planned posts today:
    }
email-digest-planned-weekly =
    { $count ->
        [one] You have { $count } planned post this week:
       *[other] You have { $count } planned posts this week:
    }
email-digest-new =
    { $count ->
        [one] { $count } new item to share:
       *[other] { $count } new items to share:
    }
email-digest-expiring =
    { $count ->
        [one] { $count } item expires soon – share it while you can:
       *[other] { $count } items expire soon – share them while you can:
    }
email-digest-until = until { $when }
email-digest-more = …and { $count } more in Ambasada.
email-digest-settings = Change the hour and days of your digest in your profile: { $link }
email-digest-unsubscribe = Don't want these emails? Unsubscribe with one click: { $link }
unsubscribe-title = Unsubscribe from digests
unsubscribe-question = Stop sending email digests to { $email }?
unsubscribe-confirm = Yes, unsubscribe me
unsubscribe-hint = In-app notifications and other emails (such as password resets) keep working. You can turn the digest back on in your profile at any time.
unsubscribe-off = Digests to { $email } are off.
unsubscribe-settings = Turn them back on in your profile
calendar-feed-title = Your plan in your calendar
calendar-feed-intro = Add this address as a subscription in Google Calendar, Outlook or Apple Calendar and your planned posts appear next to your meetings, with a reminder 30 minutes before. The address is private: do not share it.
calendar-feed-revoke = New address (the old one stops working)
calendar-feed-revoke-confirm = The old address will stop working in every calendar subscribed to it. Continue?
calendar-feed-program-title = Program calendar
calendar-feed-program-intro = Every planned post of the program as a calendar subscription (from 30 days back to 90 days ahead). The address is private: do not share it.
flash-calendar-feed-revoked = The old calendar address no longer works. The new one is below.
calendar-feed-name = Ambasada – my publication plan
calendar-feed-name-program = Ambasada – publication plan: { $program }

## LinkedIn: connecting and posting directly
linkedin-connect = Connect LinkedIn
linkedin-connect-intro = Connect your LinkedIn account once and publish posts from Ambasada directly, now or at a time you choose. We never see your password; you can disconnect at any time.
linkedin-connected-as = Connected to LinkedIn as { $name }.
linkedin-expires-on = The connection lasts until { $when }.
linkedin-expiry-hint = LinkedIn ends connections after about 60 days; we will remind you a week and a day before, and connecting again takes one click.
linkedin-reconnect = Connect again
linkedin-disconnect = Disconnect
linkedin-not-connected = Your LinkedIn account is not connected.
linkedin-posts-title = My LinkedIn posts
linkedin-posts-intro = Posts published or planned through your LinkedIn connection. You can change or cancel a post until it is sent.
linkedin-posts-none = You have not published or planned any post on LinkedIn yet. Choose a post in the feed and use “Publish on LinkedIn”.
linkedin-when = When
linkedin-state = State
linkedin-actions = Actions
linkedin-after-expiry = after your connection expires
linkedin-edit = Change or cancel
linkedin-save = Save and schedule
linkedin-cancel = Cancel this post
linkedin-unknown-help = We sent the post, but the answer from LinkedIn did not reach us. Check your LinkedIn profile: if the post is there, cancel it here; if it is not, save it to send it again.
linkedin-status-scheduled = Planned
linkedin-status-sending = Being sent
linkedin-status-sent = Published
linkedin-status-paused = Waiting for you to connect again
linkedin-status-failed = Not published
linkedin-status-unknown = To check
linkedin-status-cancelled = Cancelled
linkedin-reason-expired = Your LinkedIn connection has expired or was revoked: connect again and the post goes out.
linkedin-reason-forbidden = LinkedIn does not allow this app to post for you. Tell your administrator.
linkedin-reason-duplicate = LinkedIn refused the post as a duplicate of one you already published. Change the text to post it again.
linkedin-reason-version = LinkedIn no longer supports the API version this server uses; your administrator has been told.
linkedin-reason-throttled = LinkedIn asked us to slow down; we will try again shortly.
linkedin-reason-server = LinkedIn had a problem; we will try again shortly.
linkedin-reason-rejected = LinkedIn refused the post.
linkedin-reason-unreachable = LinkedIn could not be reached; we will try again shortly.
linkedin-reason-interrupted = The sending was interrupted; it is not clear whether LinkedIn published the post.
linkedin-reason-course = Complete the required course first.
linkedin-reason-limit = You have reached today’s share limit.
linkedin-reason-content = The post is no longer in your feed (it was withdrawn or has expired).
linkedin-reason-inactive = Your account is not active.
linkedin-reason-disabled = Publishing on LinkedIn has been turned off.
linkedin-direct-title = Publish on LinkedIn directly
linkedin-direct-as = Published on your profile, { $name }, with your text and the tracked link.
linkedin-publish-now = Publish on LinkedIn
linkedin-at = Or plan it for
linkedin-at-hint = Your time zone: { $zone }
linkedin-planned-slot = The time of your planned post in the calendar is filled in.
linkedin-expires-before = Your LinkedIn connection expires before this time: connect again before then, or the post will wait.
linkedin-schedule = Schedule
linkedin-direct-connect-hint = Connect your LinkedIn account to publish this post directly, now or at a time you choose.
linkedin-error-at = Choose a time from now to a year ahead.
linkedin-error-at-missing = Choose when to publish the post.
linkedin-flash-expired-flow = Connecting LinkedIn took too long or was started in another browser. Please try again.
linkedin-flash-state = The answer from LinkedIn did not match your request, so we ignored it. Please try again.
linkedin-flash-cancelled = You cancelled connecting LinkedIn. Nothing was changed.
linkedin-flash-refused = LinkedIn did not allow the connection. Please try again or tell your administrator.
linkedin-flash-connected = LinkedIn connected. You can now publish posts directly.
linkedin-flash-unavailable = LinkedIn could not be reached. Please try again in a moment.
linkedin-flash-scope = LinkedIn did not grant permission to post. Please connect again and allow posting.
linkedin-flash-disconnected = LinkedIn disconnected. Your planned posts wait until you connect again.
linkedin-flash-not-connected = Connect your LinkedIn account first.
linkedin-flash-queued = The post is on its way to LinkedIn; its state is below.
linkedin-flash-published = Published on LinkedIn and recorded as your share. Thank you!
linkedin-flash-published-similar = Published on LinkedIn and recorded as your share. Your text is nearly the same as one a colleague shared today, though: next time make it more your own.
linkedin-flash-retrying = LinkedIn is busy right now; we will send the post shortly. Its state is below.
linkedin-flash-reconnect = Your LinkedIn connection has expired. Connect again and the post goes out.
linkedin-flash-not-published = The post was not published. The reason is below.
linkedin-flash-scheduled = Post planned. It will be published at the chosen time.
linkedin-flash-not-open = This post has already been sent or cancelled and can no longer be changed.
linkedin-flash-saved = Post saved and planned.
linkedin-flash-cancelled-post = Post cancelled.
notification-linkedin-published = Your post “{ $title }” was published on LinkedIn.
notification-linkedin-not-published = { $reason ->
    [duplicate] LinkedIn refused your post as a duplicate.
    [expired] Your post waits: connect LinkedIn again.
    [unknown] Check whether your LinkedIn post was published.
    [course] Your planned LinkedIn post was not sent: complete the required course first.
    [limit] Your planned LinkedIn post was not sent: today’s share limit was reached.
    [version] Your LinkedIn post was not published: the administrator must update the LinkedIn settings.
   *[other] Your LinkedIn post was not published.
}
notification-linkedin-reconnect = Your LinkedIn connection has expired: connect again so your planned posts go out.
notification-linkedin-version = LinkedIn no longer accepts the API version { $version }: update the linkedin_version setting.
notification-linkedin-expires = { $days ->
    [one] Your LinkedIn connection expires tomorrow.
   *[other] Your LinkedIn connection expires in { $days } days.
} { $posts ->
    [0] Connect again to keep posting directly.
    [one] { $posts } planned post falls after that: connect again.
   *[other] { $posts } planned posts fall after that: connect again.
}
email-linkedin-expires-subject = { $count ->
    [one] Your LinkedIn connection expires tomorrow
   *[other] Your LinkedIn connection expires in { $count } days
}
email-linkedin-expires-body =
    Hello { $name },

    your LinkedIn connection in Ambasada lasts until { $when }. LinkedIn ends such connections after about 60 days. To keep publishing directly, connect again (one click, no password):

    { $link }
email-linkedin-expires-posts = { $count ->
    [one] { $count } of your planned posts falls after that time and will wait until you connect again.
   *[other] { $count } of your planned posts fall after that time and will wait until you connect again.
}
audit-do-linkedin-connect = LinkedIn connected: { $subject }
audit-do-linkedin-disconnect = LinkedIn disconnected: { $subject }
calendar-feed-summary = Planned post – { $network }: { $subject }
calendar-feed-summary-person = { $name } – { $network }: { $subject }
calendar-feed-status-planned = to publish
calendar-feed-status-done = published
calendar-feed-status-missed = missed
calendar-feed-status-skipped = skipped
calendar-feed-description =
    Status: { $status }
    Program: { $program }
    Share: { $link }

# --- calendar (lead) ---
nav-calendar = Calendar
nav-plan = My plan
calendar-title = Publication calendar
calendar-new-slot = Plan a post
calendar-views = Calendar views
calendar-month = Month
calendar-week = Week
calendar-list = List
calendar-previous = Previous
calendar-next = Next
calendar-all-programs = All programs
calendar-all-teams = All teams
calendar-all-networks = All networks
calendar-program = Program
calendar-team = Team
calendar-status = Status
calendar-empty = Nothing is planned in this period.
calendar-slot-intro = A planned post is a content item or a free topic, a network and a time window, for the whole program, a team or chosen people. Spread it, and each person gets their own day within working hours, so that feeds do not fill with the same post at the same hour.
calendar-item = Content item
calendar-free-topic-option = — a free topic instead —
calendar-topic = Free topic
calendar-topic-example = e.g. write about your first week at the company
calendar-starts = From
calendar-ends = Until
calendar-window = Window
calendar-audience = For whom
calendar-audience-program = Everyone in the program
calendar-audience-team = A team
calendar-audience-people = Chosen people
calendar-no-members = The program has no members yet.
calendar-spread = Spread over the window
calendar-spread-label = One post per person, each on their own working day
calendar-spread-help = Working days (Monday to Friday), 9:00–17:00 in each person's time zone, at most one planned post per person a day, never after the item expires.
calendar-max-share = At most this % of the group on one day
calendar-plan = Plan
calendar-planned-posts = Planned posts
calendar-no-posts = No planned posts.
calendar-ambassador = Ambassador
calendar-realisation = Plan realisation
calendar-change-slot = Change
calendar-change-help = The program and the people stay. Changes made after the window has started are kept in the history.
calendar-delete-confirm = Delete this planned post for everyone? Outcomes already recorded are kept.
calendar-slot-deleted = This planned post was deleted; its history and recorded outcomes remain.
calendar-history = History
calendar-history-edited = changed
calendar-history-deleted = deleted
calendar-no-team = No team
calendar-posts-count =
    { $count ->
        [one] { $count } planned post
       *[other] { $count } planned posts
    }
calendar-done-count =
    { $count ->
        [one] { $count } done
       *[other] { $count } done
    }
calendar-missed-count =
    { $count ->
        [one] { $count } missed
       *[other] { $count } missed
    }
calendar-skipped-count =
    { $count ->
        [one] { $count } skipped
       *[other] { $count } skipped
    }
calendar-error-item-or-topic = Choose a content item or write a free topic (one of the two).
calendar-error-item = This item cannot be planned here: it must be approved or published, not expired, and meant for this program.
calendar-error-end-before-start = The end must come after the start.
calendar-error-window-too-long = A window may last at most 62 days.
calendar-error-in-the-past = The window has already ended.
calendar-error-item-expires = The item expires before this window: plan it earlier.
calendar-error-team = Choose a team.
calendar-error-not-member = Only the program's members can be chosen.
calendar-error-audience = Choose for whom the post is planned.
calendar-error-nobody = Nobody is in this group: choose other people.
calendar-error-share = Enter a percentage from 1 to 100.
calendar-error-does-not-fit = { $count } of { $group } people do not fit into this window: make it longer or let more people post on the same day.
calendar-error-move-range = Choose a day from today until a week after the planned window.
calendar-error-date = Enter a valid date.
flash-slot-created = Planned: { $arg } posts.
flash-slot-deleted = The planned post was deleted.
plan-title = My plan
plan-intro = The posts planned for you. Share them from here, or skip one with a reason, or move it to another day.
plan-today = Today
plan-this-week = This week
plan-later = Later
plan-recent = Lately
plan-nothing-today = Nothing planned for today.
plan-nothing-week = Nothing more this week.
plan-share-now = Share now
plan-accept = I'll do it
plan-accepted = accepted
plan-skip-or-move = Skip or move
plan-move-to = Move to
plan-move = Move
plan-skip-reason = Why skip it?
plan-skip = Skip
plan-status-planned = planned
plan-status-done = done
plan-status-missed = missed
plan-status-skipped = skipped
flash-plan-accepted = Noted, thank you.
flash-plan-skipped = Skipped.
flash-plan-moved = Moved to { $arg }.
error-plan-decided = This planned post has already been decided.
realisation-from = From
realisation-to = To
realisation-planned = Planned
realisation-done = Done
realisation-missed = Missed
realisation-skipped = Skipped
realisation-definition = Plan realisation = planned posts shared by the end of their window plus one day ÷ planned posts due in the period; skipped ones are counted apart.
realisation-none = Nothing was planned in this period.
realisation-by-team = By team
realisation-by-ambassador = By ambassador
realisation-by-week = By week
realisation-overdue = Overdue
realisation-overdue-help = The window has ended; there is still a day of grace.
realisation-missed-list = Missed
realisation-nothing = None.
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
scope-calendar-write = plan the publication calendar

# --- Slack and Microsoft Teams webhooks (helper C) ---
webhooks-link = Slack and Teams
webhooks-title = Slack and Microsoft Teams
webhooks-intro = The program posts to its channels: new content to share, each week's plan of posts (on Monday from 8:00) and the planned posts that were missed the week before.
webhooks-secret-hint = A webhook URL is a secret: anyone who has it can post to the channel. That is why only part of it is shown here.
webhooks-how-slack = In Slack, add an app with Incoming Webhooks to the channel and paste the URL it gives you (https://hooks.slack.com/services/…).
webhooks-how-teams = In Teams, create a workflow from the template “Post to a channel when a webhook request is received” and paste its URL. Office 365 connectors no longer work.
webhooks-url = Webhook URL
webhooks-url-new = New webhook URL
webhooks-save = Save URL
webhooks-remove = Remove
webhooks-remove-confirm = Remove this webhook? Nothing more will be posted to the channel.
webhooks-test = Send a test message
webhooks-state-off = Not set
webhooks-state-waiting = Set, nothing sent yet
webhooks-state-ok = Working
webhooks-state-failing = Failing
webhooks-state-stopped = Stopped
webhooks-stopped = The channel answered ({ $when }) that this URL no longer exists (it was removed, or the app was uninstalled), so nothing more is posted. Set a new URL to post again.
webhooks-last-success = Last delivered
webhooks-last-error = Last error
webhooks-never = never
webhooks-error-timeout = No answer within 10 seconds.
webhooks-error-connect = Could not connect: { $detail }
webhooks-error-request = The request failed: { $detail }
webhooks-deliveries = Recent messages
webhooks-deliveries-none = No messages yet.
webhooks-col-created = Queued
webhooks-col-channel = Channel
webhooks-col-event = Message
webhooks-col-status = Status
webhooks-col-attempts = Attempts
webhooks-col-error = Last error
webhooks-event-content-published = New content
webhooks-event-weekly-plan = Weekly plan
webhooks-event-missed-plan = Missed posts
webhooks-event-test = Test message
webhooks-status-pending = Waiting
webhooks-status-sent = Delivered
webhooks-status-failed = Not delivered
error-webhook-url = Paste the whole webhook URL, starting with https://.
error-webhook-https = The URL must start with https://.
error-webhook-too-long = This URL is too long to be a webhook URL.
flash-webhook-saved = { $arg } webhook saved. Send a test message to check it.
flash-webhook-removed = { $arg } webhook removed.
flash-webhook-test-queued = Test message to { $arg } queued: it should appear in the channel within a minute. Refresh this page to see whether it was delivered.
flash-webhook-not-set = Set the { $arg } webhook URL first.
flash-webhook-stopped = The { $arg } webhook is stopped: set a new URL first.
webhook-msg-context = Ambasada · { $program }
webhook-msg-open = Open Ambasada
webhook-msg-test-title = Test message from Ambasada
webhook-msg-test-text = The { $program } program will post here: new content to share, the plan of each week and missed planned posts.
webhook-msg-content-title = New content to share
webhook-msg-content-fallback = New content to share: { $title }
webhook-msg-category = Category
webhook-msg-networks = Networks
webhook-msg-from = Available from
webhook-msg-until = Available until
webhook-msg-share = Share it
webhook-msg-plan-title = Publication plan for the week { $week }
webhook-msg-plan-intro = Posts planned this week:
webhook-msg-planned = Planned posts
webhook-msg-people = Ambassadors
webhook-msg-calendar = Open the calendar
webhook-msg-posts =
    { $count ->
        [one] { $count } planned post
       *[other] { $count } planned posts
    }
webhook-msg-more = …and { $count } more
webhook-msg-missed-title = Missed planned posts: { $week }
webhook-msg-missed-intro = Last week these planned posts were not published on time:
webhook-msg-missed-count =
    { $count ->
        [one] { $count } missed post
       *[other] { $count } missed posts
    }
webhook-msg-missed = Missed
webhook-msg-realisation = Plan realisation
webhook-msg-realisation-open = See plan realisation
health-plan = Publication calendar kept
health-plan-none = Nothing was planned in the last 30 days: a calendar that is monitored is a must-have.
health-plan-started = Posts are planned; none was due yet.
health-plan-kept = { $percent }% of the planned posts due in the last 30 days were shared on time.
health-plan-slipping = Only { $percent }% of the planned posts due in the last 30 days were shared on time.
health-fix-calendar = See plan realisation
calendar-plan-this = Plan this
notification-webhook-failing = The { $channel } channel of { $program } is failing: messages are not delivered.
calendar-error-item-not-started = The item is available only from { $date }: start the window then.
calendar-error-too-far = A post may be planned at most two years ahead.
# --- rewards (catalog, redemptions, budget) ---
nav-rewards = Rewards
rewards-title = Rewards
rewards-intro = Exchange your points for rewards from your programs. The points are held as soon as you ask; a coordinator approves and delivers the reward, or rejects the request and the points are yours again.
rewards-spendable = points to spend
rewards-held = points held by your requests
rewards-lifetime = points earned in total
rewards-no-program = You are not in a program yet, so there are no rewards to choose from.
rewards-none-yet = This program has no rewards yet.
rewards-mine = My rewards
rewards-mine-none = You have not asked for a reward yet.
reward-points =
    { $count ->
        [one] { $count } point
       *[other] { $count } points
    }
reward-left =
    { $count ->
        [one] { $count } left
       *[other] { $count } left
    }
reward-missing =
    { $count ->
        [one] You need { $count } more point.
       *[other] You need { $count } more points.
    }
reward-out-of-stock = Out of stock
reward-redeem = Get this reward
reward-description = Description
reward-points-cost = Points cost
reward-stock = Stock
reward-stock-help = How many can be given out; leave empty for no limit.
reward-cost = Cost to the company (PLN)
reward-cost-help = For the budget, e.g. 120,50 or 120.50; leave empty when it costs nothing.
reward-cost-column = Cost to the company
reward-active = Offered to ambassadors
reward-unlimited = No limit
reward-offered = Offered
reward-inactive = Not offered
reward-error-points = Enter a whole number of points from 1 to 1,000,000.
reward-error-stock = Enter a whole number from 0, or leave the field empty for no limit.
reward-error-cost = Enter an amount in PLN such as 120,50 or 120.50 (at most 10,000,000).
rewards-catalog-title = Rewards
rewards-catalog-intro = What ambassadors can exchange their points for. A reward that is no longer offered stays in the history of its redemptions.
rewards-catalog-list = Catalog
rewards-catalog-empty = No rewards yet: add the first one below. Without rewards the health check warns that the program offers ambassadors no benefit.
rewards-new = New reward
rewards-add = Add the reward
redemptions-title = Reward requests
redemptions-budget = Budget { $quarter }
redemptions-over-budget = This quarter's rewards budget is exceeded.
redemptions-no-budget = No budget is set for this quarter.
redemptions-open = Waiting for you
redemptions-open-none = Nothing is waiting: every request has been handled.
redemptions-would-exceed = Approving this exceeds the quarter's budget by { $amount }.
redemptions-history = History
redemptions-history-none = No request has been delivered or rejected yet.
redemption-reward = Reward
redemption-ambassador = Ambassador
redemption-points = Points
redemption-status = Status
redemption-requested-at = Requested
redemption-status-requested = Waiting for a decision
redemption-status-approved = Approved
redemption-status-delivered = Delivered
redemption-status-rejected = Rejected
redemption-approve = Approve
redemption-deliver = Mark as delivered
redemption-reject = Reject
redemption-reason = Reason for rejecting
redemption-error-reason = Give the ambassador a reason for rejecting the request.
redeem-error-points = You have { $spendable } to spend and this reward costs { $cost }: you are { $missing } short.
redeem-error-stock = This reward is out of stock.
redeem-error-unavailable = This reward is no longer offered.
budget-title = Budget per quarter
budget-help = What approved rewards cost counts against the budget of the quarter they were approved in. Going over it is allowed, with a warning.
budget-quarter = Quarter
budget-amount = Budget (PLN)
budget-spent = Spent
budget-left = Left
budget-current = current
budget-none = not set
budget-over = over by
budget-save = Save the budget
budget-error-quarter = Enter a quarter such as 2026-Q4.
budget-error-amount = Enter an amount in PLN such as 5000 or 5000,00.
flash-redeemed = Your request for { $arg } has been sent; the points are held until a coordinator decides.
flash-reward-created = Reward { $arg } added.
flash-reward-saved = Reward { $arg } saved.
flash-budget-saved = Budget for { $arg } saved.
flash-redemption-stale = The request for { $arg } has already been handled; nothing was changed.
flash-redemption-approved = Request for { $arg } approved.
flash-redemption-approved-over = Request approved. Note: this quarter's rewards budget is now exceeded by { $arg }.
flash-redemption-delivered = { $arg } marked as delivered.
flash-redemption-rejected = Request for { $arg } rejected; the points are free again.
email-redemption-requested-subject = Your reward request: { $reward }
email-redemption-requested-body = Hello { $name },

    we have your request for “{ $reward }”. { $points } are held for it until a coordinator decides; we will write to you then.

    Your rewards: { $link }
email-redemption-approved-subject = Your reward was approved: { $reward }
email-redemption-approved-body = Hello { $name },

    your request for “{ $reward }” was approved. A coordinator will deliver the reward soon.

    Your rewards: { $link }
email-redemption-delivered-subject = Your reward was delivered: { $reward }
email-redemption-delivered-body = Hello { $name },

    “{ $reward }” has been delivered to you. Enjoy it, and thank you for sharing!

    Your rewards: { $link }
email-redemption-rejected-subject = Your reward request was rejected: { $reward }
email-redemption-rejected-body = Hello { $name },

    your request for “{ $reward }” was rejected. Reason: { $reason }

    The { $points } held for it are yours to spend again.

    Your rewards: { $link }
email-redemption-new-subject = New reward request: { $reward } for { $ambassador }
email-redemption-new-body = Hello { $name },

    { $ambassador } asked for “{ $reward }” ({ $points }) in { $program }. The points are held until you approve or reject the request.

    Requests waiting for you: { $link }
notification-redemption-requested = { $name } asked for the reward “{ $reward }” ({ $program }).
notification-redemption-decided =
    { $status ->
        [approved] Your request for “{ $reward }” was approved.
        [delivered] “{ $reward }” was delivered to you.
       *[rejected] Your request for “{ $reward }” was rejected. Reason: { $reason }
    }
health-benefit-none = The program offers no rewards: ambassadors get nothing for their points. Add rewards to the catalog.
health-benefit-no-points = The program offers rewards, but every points rule is set to zero, so nobody can earn them.
health-fix-rewards = Open the rewards catalog
health-fix-points = Set the points rules

# --- points (helper P) ---
nav-points = My points
points-title = My points
points-spendable = Points to spend
points-lifetime = Points earned in all
points-held = Held for rewards
points-balance-help = Points earned in all never go down when you redeem rewards. Points to spend are what is left after the points held for rewards you asked for and spent on rewards delivered.
points-to-rewards = Rewards
points-recent = Latest points
points-none = No points yet. Share a post to earn your first.
points-none-start = Go to ready-made posts
points-when = When
points-what = What for
points-program = Program
points-amount = Points
points-count =
    { $count ->
        [one] { $count } point
       *[other] { $count } points
    }
points-on-day = clicks on { $date }
points-own-post = own post
points-rule-share = Confirmed share
points-rule-personalised = Bonus for your own words
points-rule-click = Clicks by unique visitors
points-rule-application = Application through a link
points-rule-hire = Hire through a link
points-rule-course = Course finished
points-rule-suggestion = Suggestion approved
points-rule-planned-on-time = Planned post on time
points-rule-challenge = Challenge bonus
points-rule-correction = Correction
points-reason-clicks-reclassified = Repeated clicks on this link were counted as bots.
points-how-title = How points work
points-how-intro = You earn points for real posts that people read. Here is what earns points in each of your programs, with the values set for it.
points-how-defaults = Default values
points-how-no-program = You are not in a program yet; these are the values a program starts with.
points-how-what = What earns points
points-how-off = Not awarded in this program
points-how-share = Each item you share, once per network (confirming the same share again earns nothing more), and each post you wrote entirely yourself.
points-how-personalised = Extra when you write in your own words: at least about a third of the text is yours, and it is not nearly the same text a colleague posted that day.
points-how-click = For each person who opens your link, counted once a day, for at most { $cap } people per share a day.
points-how-application = When someone applies for a job through your link and a recruiter takes the application forward; once per candidate and offer, never for your own address.
points-how-hire = When someone who applied through your link is hired.
points-how-course = When you finish a course: every lesson read and its quiz, if it has one, passed; once per course.
points-how-suggestion = When a post you suggested is approved.
points-how-planned-on-time = When you share a post from your plan within its window.
points-how-fair-title = Fair play
points-how-fair-bots = Bots and link previews (programs that fetch a link to show its picture) never earn points.
points-how-fair-unique = A person who opens your link many times in a day counts once, and each share earns for at most { $cap } people a day.
points-how-fair-identical = A text nearly the same as a colleague's post of the same day earns no bonus for your own words; the share itself still counts.
points-how-fair-review = Coordinators look at unusual patterns. If clicks turn out not to come from people, the points are taken off in a separate line with the reason; nothing changes silently.
points-how-balance-title = Your points and rewards
points-how-balance = Points earned in all only grow (apart from corrections). When you redeem a reward, its points are held at once; if the request is rejected, they are yours again.
points-rules-title = Points rules
points-rules-intro = What each activity earns in this program. Ambassadors see these values on their "How points work" page. Changes apply to points earned from now on; points already earned stay as they are.
points-rules-problems = Some values are not valid; see the messages by the fields.
points-rules-default = Default: { $points }.
points-rules-error = Enter a whole number from 0 to { $max }; 0 switches the rule off.
points-rules-hint-share = Each item shared, once per person and network (confirmed again, it earns nothing more), and each own post.
points-rules-hint-personalised = A bonus for a share whose text is personalised (similarity to the suggested text below 70%), unless a colleague posted a nearly identical text that day.
points-rules-hint-click = Per unique human visitor on the ambassador's tracked link, per share and day, for at most { $cap } visitors.
points-rules-hint-application = An application through the ambassador's link, once a recruiter moves it past “New”; once per candidate's address and offer, never for the ambassador's own address.
points-rules-hint-hire = A hire of someone who applied through the ambassador's link.
points-rules-hint-course = A course finished (every lesson read and its quiz, if any, passed), once per course.
points-rules-hint-suggestion = A post suggested by the ambassador and approved.
points-rules-hint-planned-on-time = A planned post from the publication calendar shared within its window.
flash-points-rules-saved = Points rules saved.
points-review-title = Points review
points-review-intro = Unusual patterns in this program over the last 30 days. Nothing here takes points away by itself: look, and decide.
points-review-links-count = links with many clicks from few visitors
points-review-people-count = people whose shares mostly lack a post URL
points-review-links = Many clicks from few visitors
points-review-links-help = Links with more than { $ratio } clicks per unique visitor. Points count unique visitors only, so repeated clicks earn nothing extra; if the visitors are not people, count their repeated clicks as bots, and the points they earned are taken back with a correction line.
points-review-nothing = Nothing unusual.
points-review-person = Ambassador
points-review-item = Content and network
points-review-clicks = Clicks
points-review-visitors = Unique visitors
points-review-per-visitor = Clicks per visitor
points-review-bots = Count repeated clicks as bots
points-review-bots-confirm = Count as bots the clicks of every visitor who opened this link more than { $ratio } times in a day? The ambassador's points for them will be corrected.
points-review-unverified = Shares without a post URL
points-review-unverified-help = A share confirmed without the address of the post cannot be checked. People are marked when most of their shares lack it.
points-review-without-url = Without a post URL
points-review-shares = All shares
points-review-mostly = Mostly without
flash-points-bots = Repeated clicks counted as bots (clicks changed: { $arg }); points corrected.
notification-points-application =
    { $points ->
        [one] Someone applied for “{ $offer }” through your link: +{ $points } point.
       *[other] Someone applied for “{ $offer }” through your link: +{ $points } points.
    }
notification-points-hire =
    { $points ->
        [one] Someone who applied for “{ $offer }” through your link was hired: +{ $points } point.
       *[other] Someone who applied for “{ $offer }” through your link was hired: +{ $points } points.
    }
notification-points-clicks-corrected =
    { $points ->
        [one] Repeated clicks on your link to “{ $title }” were counted as bots: { $points } point taken off.
       *[other] Repeated clicks on your link to “{ $title }” were counted as bots: { $points } points taken off.
    }

# --- leaderboards, badges, challenges (helper L) ---
nav-leaderboard = Leaderboard
board-title = Leaderboard
board-hub-intro = Boards of your programs: points, shares and clicks per month, quarter or challenge.
board-hub-none = You are not in a program yet.
board-period = Period
board-by = Ranked by
board-group = Compare
board-group-person = People
board-group-team = Teams
board-team = Team
board-team-all = All teams
board-by-points = By points
board-by-shares = By shares
board-by-clicks = By clicks
board-period-shown = Period: { $from } – { $to }
board-your-place = Your place
board-your-team = Your team's place
board-of = of { $count }
board-points = Points
board-shares = Shares
board-clicks = Clicks
board-result = Your result in the period
board-this-month = Your place this month
board-to-next-points =
    { $count ->
        [one] { $count } point to the next place
       *[other] { $count } points to the next place
    }
board-to-next = to the next place
board-you-lead = You are in the lead
board-not-on = You are not on this board (it counts another team, or you joined after the period).
board-manager-note = You see this board as its coordinator; you are not on it.
board-you-hidden = Others see you as "an ambassador".
board-privacy-link = Change in your profile
board-empty = Nobody on this board yet.
board-team-help = Teams are compared by their average per active ambassador (a member with at least one share in the period), so a small team is not outranked for its size.
board-rank = Place
board-name = Name
board-average = Average per active ambassador
board-active = Active / members
board-total = Total
board-you = you
board-you-team = your team
board-more =
    { $count ->
        [one] …and { $count } more person on the board.
       *[other] …and { $count } more people on the board.
    }
board-help-points = Points earned in the program in this period, corrections included. Equal values share a place.
board-help-shares = Confirmed shares in the program in this period. Equal values share a place.
board-help-clicks = Clicks by people on your tracked links of the program in this period; bots and link previews never count. Equal values share a place.
board-unit-points =
    { $count ->
        [one] { $count } point
       *[other] { $count } points
    }
board-unit-shares =
    { $count ->
        [one] { $count } share
       *[other] { $count } shares
    }
board-unit-clicks =
    { $count ->
        [one] { $count } click
       *[other] { $count } clicks
    }
board-quarter = Q{ $quarter } { $year }
board-rolling30 = Last 30 days
board-challenge-window = Challenge window
board-challenge-option = Challenge: { $title }
board-anonymous = an ambassador
board-error-month = Choose a month written as 2026-05.
board-error-quarter = Choose a quarter written as 2026-Q2.
board-error-challenge = No such challenge in this program.
board-error-period = The period is month, quarter, rolling30 or challenge.
board-error-by = Rank by points, shares or clicks.
board-error-group = Compare people or teams.
board-error-team = No such team.
board-privacy = Leaderboards
board-privacy-hide = Hide my name on leaderboards
board-privacy-help = Everyone else, coordinators included, sees you as "an ambassador" on boards; you still see your own place.
board-privacy-save = Save
flash-boards-hidden = Your name is now hidden on leaderboards.
flash-boards-shown = Your name is shown on leaderboards again.
badges-title = Badges
badges-intro = Badges mark real steps as an ambassador. Each is earned once, with its date.
badges-earned = Earned
badges-none = No badges yet.
badges-earned-on = earned { $when }
badges-available = Still to earn
badges-all = All badges
badge-first-share = First share
badge-first-share-about = Share your first post.
badge-ten-personalised = In your own words
badge-ten-personalised-about = Share ten posts in your own words: ready-made posts you rewrote, or your own posts.
badge-first-referral = First referral
badge-first-referral-about = Someone applies for a job through your tracked link.
badge-course-finished = Course finished
badge-course-finished-about = Finish a course: read every lesson and pass its quiz.
badge-four-week-streak = Four weeks in a row
badge-four-week-streak-about = Share at least once a week for four weeks in a row (Monday to Sunday); one post a week is enough.
notification-badge-earned =
    New badge: { $badge ->
        [first_share] "First share"
        [ten_personalised] "In your own words"
        [first_referral] "First referral"
        [course_finished] "Course finished"
        [four_week_streak] "Four weeks in a row"
       *[other] { $badge }
    }.
notification-challenge-bonus =
    { $points ->
        [one] You earned { $points } bonus point in the challenge "{ $title }".
       *[other] You earned { $points } bonus points in the challenge "{ $title }".
    }
challenges-title = Challenges
challenges-new = New challenge
challenges-intro = Time-boxed goals with bonus points. Progress counts only what happens inside the window.
challenges-running = Running
challenges-none-running = No challenge is running.
challenges-upcoming = Coming up
challenges-past = Finished
challenges-none-past = No finished challenges yet.
challenge-mode = How the bonus is given
challenge-mode-threshold = Everyone who reaches the target
challenge-mode-threshold-help = Everyone who reaches the target within the window gets the bonus.
challenge-mode-collective = A goal together
challenge-mode-collective-help = When everyone's total reaches the target, every participant with at least one contribution gets the bonus.
challenge-mode-raffle = Raffle
challenge-mode-raffle-help = Among those who reach the target, the server draws the winners with a seed that is shown afterwards, so anyone can check the draw.
challenge-metric-shares = Shares
challenge-metric-clicks = Clicks
challenge-metric-points = Points
challenge-ends = ends { $when }
challenge-starts = starts { $when }
challenge-ended = ended { $when }
challenge-bonus-points =
    { $count ->
        [one] bonus { $count } point
       *[other] bonus { $count } points
    }
challenge-progress = Progress
challenge-progress-group = Together
challenge-progress-you = You
challenge-phase-upcoming = Coming up
challenge-phase-running = Running
challenge-phase-ended = Being settled
challenge-phase-settled = Settled
challenge-what = What counts
challenge-team = Team
challenge-target = Target
challenge-target-together = together
challenge-window = Window
challenge-bonus = Bonus points
challenge-winners-count =
    { $count ->
        [one] { $count } winner drawn
       *[other] { $count } winners drawn
    }
challenge-board = Leaderboard for the challenge's window
challenge-result = Result
challenge-you-won =
    { $count ->
        [one] You got the bonus: { $count } point.
       *[other] You got the bonus: { $count } points.
    }
challenge-nobody = Nobody got the bonus.
challenge-recipients =
    { $count ->
        [one] { $count } person got the bonus:
       *[other] { $count } people got the bonus:
    }
raffle-title = The draw
raffle-seed = Seed
raffle-how = Each candidate's ticket is the SHA-256 of the seed followed by their user id; tickets are sorted in ascending order and the first ones win. Check any ticket with this command:
raffle-no-candidates = Nobody reached the target, so nobody was drawn.
raffle-user-id = User id
raffle-ticket = Ticket
raffle-won = won
challenge-delete = Cancel the challenge
challenge-delete-confirm = Cancel this challenge? Nobody will get its bonus.
challenge-field-title = Title
challenge-title-example = 50 shares of the job fair post by Friday
challenge-field-description = Description
challenge-field-content = Content item
challenge-any-content = Any content
challenge-content-help = For shares and clicks: count only those of one content item.
challenge-whole-program = The whole program
challenge-starts-field = Starts
challenge-ends-field = Ends
challenge-winners = Winners drawn (raffle)
challenge-winners-help = Only for a raffle.
challenge-create = Set the challenge
challenge-error-metric = Choose shares, clicks or points.
challenge-error-content-points = Points cannot be limited to one content item.
challenge-error-mode = Choose how the bonus is given.
challenge-error-target = Enter a whole number from 1 to 1,000,000.
challenge-error-bonus = Enter a whole number of points from 1 to 10,000.
challenge-error-winners = Enter a whole number of winners from 1 to 1,000.
challenge-error-end-before-start = The end must come after the start.
challenge-error-window-too-long = A challenge lasts at most a year.
challenge-error-in-the-past = The end must be in the future.
challenge-error-content = Choose a content item of this program.
challenge-error-team = No such team.
flash-challenge-created = The challenge "{ $arg }" is set.
flash-challenge-deleted = The challenge "{ $arg }" was cancelled.
flash-challenge-settled = This challenge is already settled and cannot be cancelled.
error-webhook-local = This address points to this server or a private network: paste the https:// URL that Slack or Teams gave you.

# --- security C ---
error-invalid-characters = This value contains invalid characters: remove control characters (such as NUL) from it.
error-invalid-encoding = The form was sent in an encoding other than UTF-8, so its text cannot be read. Reload the page and send it again.
error-coordinator-required = Choose the program's coordinator: every program has one.
programs-coordinator-admins = Only an administrator can hand the program to another coordinator.

# --- security B ---
login-throttled-address = Wrong email or password. Many logins from your network have failed recently: if you've forgotten your password, set a new one.
profile-password-ends-tokens = Changing your password logs you out on your other devices and revokes your API tokens.
tokens-end-with-password = Changing your password, also through an emailed link, revokes every token: anyone who knew the old password could have created one.
flash-password-changed-tokens = Password changed. You've been logged out on your other devices and your API tokens were revoked.
error-uri-too-long = The page address is too long. Go back and try again.

# --- issue 19 review of motivation (points, challenges, rewards) ---
redemption-own = This is your own request: another coordinator or an administrator decides it.
challenge-error-starts-in-the-past = The start cannot be in the past: a challenge starts now or later.
reward-stock-changed = The stock changed while you were editing (a redemption, or someone saved this reward). Stock now: { $stock }. Check it and save again.
error-unknown-network = “{ $network }” is not a network: use linkedin, x, facebook or xing.

# --- reports: periods and EMV (issue 14, core rules) ---
reports-period-missing = Enter a date as YYYY-MM-DD, e.g. 2026-11-30.
reports-period-invalid = This is not a valid date: enter it as YYYY-MM-DD, e.g. 2026-11-30.
reports-period-reversed = The period cannot end before it starts.
reports-period-too-long = A period can cover at most 10 years (3,660 days): shorten it.
reports-period-in-future = The period starts in the future, so there is no data for it yet: choose a start date no later than today.
reports-emv-factor-range = Enter a reach factor from 0 to 1000 per mille (1000 ‰ means all of the sharer's connections see the post).
reports-emv-money-range = Enter an amount from PLN 0 to PLN 100,000.
reports-emv-money-invalid = Enter an amount in PLN, e.g. 12.50, with at most two decimal places.
reports-emv-formula = Estimated reach is the sum of the sharers' declared network sizes (counted once per share) multiplied by the network's reach factor. Earned media value (EMV) is reach / 1000 × CPM plus human clicks (bots excluded) × CPC: what similar impressions and clicks would cost if bought as ads. The rates for each network are in the table below; the program's coordinator can change them. The result is an estimate, not a measurement: reactions to personal posts cannot be read, so they are not counted.

# --- reports: program dashboard and EMV rates (issue 14, helper H2) ---
reports-dash-title = Program dashboard
reports-dash-link = Dashboard
reports-dash-period = Period
reports-dash-period-this-month = This month
reports-dash-period-last-month = Last month
reports-dash-period-quarter = This quarter
reports-dash-period-12-months = Last 12 months
reports-dash-period-custom = Custom dates
reports-dash-period-unknown = Choose one of the periods in the list.
reports-dash-from = From
reports-dash-to = To
reports-dash-custom-hint = The dates are used with "Custom dates"; both days are included. Days are counted in UTC.
reports-dash-show = Show
reports-dash-compared = compared with
reports-dash-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
reports-dash-headline = Headline numbers
reports-dash-metric = Measure
reports-dash-current = This period
reports-dash-previous = Previous period
reports-dash-change = Change
reports-dash-estimate = estimate
reports-dash-pp = { $value } pp
reports-dash-metric-participation = Participation rate
reports-dash-metric-active = Active ambassadors
reports-dash-metric-enrolled = Enrolled ambassadors
reports-dash-metric-shares = Shares
reports-dash-metric-personalisation = Personalisation rate
reports-dash-metric-clicks = Human clicks
reports-dash-metric-visitors = Unique visitors
reports-dash-metric-clicks-per-share = Clicks per share
reports-dash-metric-applications = Applications
reports-dash-metric-hires = Hires
reports-dash-metric-conversions = Conversions
reports-dash-metric-reach = Estimated reach
reports-dash-metric-emv = EMV
reports-dash-metric-realisation = Plan realisation
reports-dash-metric-enps = eNPS (last closed survey)
reports-dash-personalised = Personalised shares
reports-dash-network = Network
reports-dash-team = Team
reports-dash-item = Content item
reports-dash-ambassador = Ambassador
reports-dash-bucket-week = Week
reports-dash-bucket-month = Month
reports-dash-trend-week = Trend per week
reports-dash-trend-month = Trend per month
reports-dash-chart-shares = Shares and personalised shares
reports-dash-chart-clicks = Human clicks and unique visitors
reports-dash-chart-networks = Human clicks per network
reports-dash-by-network = By network
reports-dash-by-team = By team
reports-dash-top-items = Top content
reports-dash-top-ambassadors = Top ambassadors
reports-dash-no-team = No team
reports-dash-top-note-items =
    { $count ->
        [one] Showing the content item with the most clicks; the CSV file has all of them.
       *[other] Showing the { $count } content items with the most clicks; the CSV file has all of them.
    }
reports-dash-top-note-ambassadors =
    { $count ->
        [one] Showing the ambassador with the most shares; the CSV file has everyone.
       *[other] Showing the { $count } ambassadors with the most shares; the CSV file has everyone.
    }
reports-dash-none = No data in this period.
reports-dash-csv = Download CSV
reports-dash-emv-title = Estimated reach and EMV
reports-dash-emv-estimate = Reach and EMV are estimates computed from declared network sizes and the program's rates, not measurements.
reports-dash-no-impressions = The networks' APIs do not give the impressions of personal posts, so no impressions are shown here.
reports-dash-emv-formula-show = How they are calculated
reports-dash-emv-formula = EMV = reach / 1000 × CPM + clicks × CPC
reports-dash-rates-edit = Change the program's rates
reports-emv-title = Reach and EMV rates
reports-emv-intro = The rates used to estimate the program's reach and earned media value (EMV), per network. Leave the defaults unless you have figures of your own, e.g. what the company pays for ads.
reports-emv-reach-factor = Reach factor (%)
reports-emv-cpm = CPM (PLN per 1000 people reached)
reports-emv-cpc = CPC (PLN per click)
reports-emv-default = Default: { $value }
reports-emv-problems = Some values need correcting: see the messages by the fields.
reports-emv-defaults-note = A network set to its default values follows the defaults, also if a later version changes them.
reports-emv-percent-invalid = Enter a percentage from 0 to 100 with at most one decimal place, e.g. 7.5.
reports-emv-saved = The rates are saved.

# --- reports: my impact and content performance (issue 14, H4) ---
nav-impact = My impact
reports-impact-title = My impact
reports-impact-intro = Your shares, the clicks and visitors they brought, conversions and points over time, and how your posts compare with your program's median.
reports-impact-home = See how your shares did: clicks, visitors, conversions and points over the months.
reports-impact-home-link = Open my impact
reports-impact-no-program = You are not in a program yet, so there is nothing to show.
reports-impact-join = Join a program
reports-impact-program = Program
reports-impact-program-only = Program: { $name }
reports-impact-period = Period
reports-impact-period-this-month = This month
reports-impact-period-last-month = Last month
reports-impact-period-quarter = This quarter
reports-impact-period-12-months = Last 12 months
reports-impact-period-custom = Custom dates
reports-impact-period-unknown = Choose one of the periods in the list.
reports-impact-from = From
reports-impact-to = To
reports-impact-show = Show
reports-impact-showing = Showing
reports-impact-dates-help = The dates apply when you choose “Custom dates”. Days are counted in UTC.
reports-impact-shares = Shares
reports-impact-clicks = Human clicks
reports-impact-visitors = Unique visitors
reports-impact-conversions = Conversions
reports-impact-points = Points
reports-impact-clicks-per-share = Clicks per share
reports-impact-total = Total
reports-impact-when = Week or month
reports-impact-network = Network
reports-impact-definitions = Human clicks leave out robots and link previews; a unique visitor is one person per link and day; a conversion is, for example, an application sent within 30 days of a click on your link. Points are those of this program, corrections included.
reports-impact-compare-title = Compared with the program
reports-impact-compare-over =
    { $count ->
        [one] The median of { $count } active ambassador of the program in this period (with at least one share), you included. Nobody else's name or numbers are shown.
       *[other] The median of { $count } active ambassadors of the program in this period (with at least one share), you included. Nobody else's name or numbers are shown.
    }
reports-impact-compare-too-few =
    { $count ->
        [one] Too few active ambassadors to compare: { $count } in this period. At least 3 are needed, so that nobody's numbers can be read from the median.
       *[other] Too few active ambassadors to compare: { $count } in this period. At least 3 are needed, so that nobody's numbers can be read from the median.
    }
reports-impact-compare-help = The median is the middle value: half of the active ambassadors had more, half less. Within 10% of it counts as about the median.
reports-impact-you = You
reports-impact-median = Program median
reports-impact-standing = Where you stand
reports-impact-standing-above = Above the median
reports-impact-standing-about = About the median
reports-impact-standing-below = Below the median
reports-impact-no-shares = No shares in this period
reports-impact-trend-title = Over time
reports-impact-chart-clicks = Human clicks and unique visitors
reports-impact-chart-shares = Shares and conversions
reports-impact-chart-points = Points
reports-impact-table-caption = Your numbers per week or month
reports-impact-table-help = The table below holds the same numbers as the charts.
reports-impact-csv = Download the table (CSV)
reports-impact-csv-bad-period = The period of the download cannot be read: choose it again on the page.
reports-impact-file = my-impact
reports-impact-networks-title = By network
reports-impact-networks-none = No shares or clicks in this period.
reports-impact-per-item = Clicks per content item: my shares
reports-content-title = Performance
reports-content-intro = Shares of this item, the human clicks and unique visitors they brought, and conversions, per network.
reports-content-own-programs = Only the programs you coordinate are counted.
reports-content-period-title = By network in the period
reports-content-all-time-title = By network, all time
reports-content-none-period = Nothing was shared or clicked in this period.
reports-content-none = This item has not been shared in a program yet.
reports-content-chart-networks = Human clicks per network
reports-content-personalisation-title = Does personalisation pay?
reports-content-personalisation-help = A share counts as personalised when its text differs clearly from the suggested one; the others used the suggested text as it was or nearly so. Clicks are human clicks on the tracked links of those shares, in the period.
reports-content-personalised = With a personalised text
reports-content-verbatim = With the suggested text
reports-content-verdict-too-few = Too few shares to compare: each group needs at least 5 shares in the period.
reports-content-verdict-personalised-ahead = In this period, shares with a personalised text drew more clicks per share than those with the suggested text.
reports-content-verdict-even = In this period, both groups drew about as many clicks per share.
reports-content-verdict-verbatim-ahead = In this period, shares with the suggested text drew more clicks per share than those with a personalised text.
reports-content-not-a-proof = This is a comparison, not a proof: people who personalise may differ in other ways too (the size of their network, when they post), so the difference need not come from the text alone.
reports-content-scope = Counted: shares of this item made within a program. Clicks on links outside every program appear only on the item's page.
reports-content-program-title = Content performance
reports-content-program-intro = The program's content items with their shares, human clicks, clicks per share and conversions in the period.
reports-content-program-scope = Counted: shares of content items within this program. Own posts have no content item and are not listed.
reports-content-chart-items = Human clicks of the top items
reports-content-table-caption = Content items in the period
reports-content-item = Content item
reports-content-personalised-shares = Personalised shares
reports-content-sort = Sort by
reports-content-sort-clicks = Clicks
reports-content-sort-shares = Shares
reports-content-sort-clicks-per-share = Clicks per share
reports-content-sort-conversions = Conversions
reports-content-sort-apply = Sort
reports-content-more =
    { $count ->
        [one] The first 100 of { $count } item are listed; the CSV has them all.
       *[other] The first 100 of { $count } items are listed; the CSV has them all.
    }
reports-content-csv = Download the list (CSV)
reports-content-file = content

# --- reports: program reviews (issue 14, helper H3) ---
health-fix-reviews = Open the program's reviews
reports-review-link = Reviews
reports-review-title = Review
reports-review-archive = Program reviews
reports-review-archive-intro = The regular ambassador meeting, one review per period: results against goals and the period before, what slipped, decisions with their owners and who came. Results take 6–9 months, so look at the trend across reviews rather than one number.
reports-review-current-missing = There is no review for { $period } yet. Make it now: its numbers are taken from the data and you add notes, decisions and attendance.
reports-review-create = Make this period's review
reports-review-none = No reviews yet. A draft for the current period is made automatically at the start of each period, or you can make it now.
reports-review-none-published = No review has been published yet.
reports-review-period = Period
reports-review-status = Status
reports-review-published-at = Published
reports-review-status-draft = Draft
reports-review-status-published = Published
reports-review-quarter = Q{ $quarter } { $year }
reports-review-published-on = published { $date }
reports-review-draft-hint = A draft: only you and the admins see it. Take the numbers again before the meeting, add decisions and attendance, then publish it: every member gets it by email and it can no longer be changed (decisions can still be marked done).
reports-review-print-hint = To print the review or save it as PDF, use your browser's print command (Ctrl+P): navigation and forms are left out.
reports-review-numbers = Results against the period before
reports-review-numbers-when = Days { $measured } compared with { $compared }; numbers taken { $taken }.
reports-review-metric = Measure
reports-review-now = This period
reports-review-before = Period before
reports-review-change = Change
reports-review-estimate = estimate
reports-review-no-numbers = The numbers of this review could not be read.
reports-review-refresh = Take the numbers again
reports-review-slipped = What slipped
reports-review-slipped-none = Nothing slipped: no goal is behind, no number fell by more than 20% and no health check got worse.
reports-review-slipped-goal = The goal "{ $metric }" is behind.
reports-review-slipped-number = { $metric } fell by more than 20% against the period before.
reports-review-slipped-health = The health check "{ $check }" got worse since the review before.
reports-review-slipped-decisions = { $count ->
    [one] 1 decision is past its due date.
   *[other] { $count } decisions are past their due date.
}
reports-review-number-shares = Shares
reports-review-number-active-ambassadors = Active ambassadors
reports-review-number-clicks = Human clicks
reports-review-number-visitors = Unique visitors
reports-review-number-conversions = Conversions
reports-review-number-applications = Applications
reports-review-goals = Goals
reports-review-goals-none = No goal covers this period.
reports-review-top-content = Top content
reports-review-top-ambassadors = Top ambassadors
reports-review-top-none = Nothing was shared in this period.
reports-review-item = Content item
reports-review-ambassador = Ambassador
reports-review-shares = Shares
reports-review-clicks = Clicks
reports-review-conversions = Conversions
reports-review-health = Health check
reports-review-health-intro = Each check now, and at the review before.
reports-review-check = Check
reports-review-at-last = At the review before
reports-review-trend = Change
reports-review-trend-better = Better
reports-review-trend-worse = Worse
reports-review-trend-same = Unchanged
reports-review-trend-new = New
reports-review-carried = Open decisions from earlier reviews
reports-review-carried-none = No decision from earlier reviews is open.
reports-review-decisions = Decisions of this review
reports-review-decisions-none = No decisions yet.
reports-review-decision-new = Add a decision
reports-review-decision-text = What is to be done
reports-review-decision-owner = Owner
reports-review-decision-owner-choose = Choose a person
reports-review-decision-due = Due
reports-review-decision-add = Add the decision
reports-review-decision-open = Open
reports-review-decision-overdue = Overdue
reports-review-decision-done = Done
reports-review-decision-mark-done = Mark done
reports-review-decision-reopen = Open again
reports-review-decision-delete-confirm = Delete this decision?
reports-review-taken-in = from the review of { $period }
reports-review-owner-gone = a deleted account
reports-review-attendance = Attendance
reports-review-attendance-who = Who came to the meeting
reports-review-attendance-nobody = The program has no members yet.
reports-review-attendance-save = Save attendance
reports-review-attendance-count = { $count ->
    [0] Nobody was marked as present.
    [one] 1 person came to the meeting.
   *[other] { $count } people came to the meeting.
}
reports-review-notes = Notes
reports-review-notes-help = Plain text or Markdown: **bold**, lists with "-", links. Members read the notes once the review is published.
reports-review-notes-save = Save the notes
reports-review-notes-none = No notes.
reports-review-publish = Publish the review
reports-review-publish-help = Every member of the program gets an email with a summary and a link. A published review cannot be changed any more; decisions can still be marked done.
reports-review-publish-confirm = Publish the review and email it to every member?
reports-review-error-text = Write what is to be done.
reports-review-error-text-long = Keep the decision to 500 characters.
reports-review-error-owner = Choose the owner among the program's members and its coordinator.
reports-review-error-due = Enter the due date as a date (YYYY-MM-DD).
reports-review-error-due-range = The due date must fall between the start of the review's period and a year after its end.
reports-review-error-notes-long = Keep the notes to 20,000 characters.
reports-review-error-attendee = Only the program's members and its coordinator can be marked as present.
reports-review-flash-created = The review was made from the data. Add notes, decisions and attendance, then publish it.
reports-review-flash-exists = This period already has a review.
reports-review-flash-refreshed = The numbers were taken again.
reports-review-flash-notes = Notes saved.
reports-review-flash-decision = Decision added.
reports-review-flash-decision-deleted = Decision deleted.
reports-review-flash-done = Decision marked done.
reports-review-flash-reopened = Decision open again.
reports-review-flash-attendance = Attendance saved.
reports-review-flash-published = The review was published and is on its way to the members by email.
reports-review-flash-read-only = The review is published and can no longer be changed.
reports-review-email-subject = { $program }: review of { $period }
reports-review-email-body = Hello { $name },

    { $coordinator } sends you the review of the program "{ $program }" for { $period }.

    The main numbers (the period before in brackets):
    { $numbers }

    Decisions taken at the meeting:
    { $decisions }

    The whole review, with goals, top content and the program's health:
    { $link }
reports-review-email-number = - { $label }: { $now } ({ $before })
reports-review-email-decision = - { $text } ({ $owner }, due { $due })
reports-review-email-no-decisions = No decisions were taken.

## Company brand
brand-title = Company brand
brand-intro = Your company's name, logo and colour replace Ambasada's in the app header, on the careers pages and in emails, so that candidates see your site and employees see your program.
brand-name = Company name
brand-name-help = Shown in the header, in the browser tab of the careers pages and at the end of every email. Leave it empty to show "Ambasada".
brand-logo = Logo
brand-logo-now = The logo now
brand-logo-remove = Remove the logo
brand-logo-help = A PNG, JPEG or WebP file of at most 1 MB; it is shown 32 pixels tall, on white. A wide logo with little empty margin reads best.
brand-colour = Main colour
brand-colour-default = Use Ambasada's own colours
brand-colour-help = Used for the header, buttons and links. Too light a colour is darkened where text must stay readable on it, and the dark theme gets a lighter version.
brand-about = About us
brand-about-help = A few sentences for candidates, shown on the careers pages. Separate paragraphs with an empty line.
brand-see-careers = See the careers pages
flash-brand-saved = The company brand is saved.
home-brand-unset = set your company's name and logo for the careers pages
error-brand-name-long = The name may have at most 80 characters.
error-brand-colour = Choose a colour, or tick "Use Ambasada's own colours".
error-brand-about-long = "About us" may have at most 2,000 characters.
error-logo-too-large = The logo is too large. Upload a file of at most 1 MB.

## Personal data export
export-title = Personal data
export-admin-help = Everything Ambasada stores about this person, as one JSON file: account, roles, teams, profile, programs, shares with their texts, links with their clicks, points, rewards, courses, planned posts, notifications and the audit entries about them. Give it to the person when they ask for their data (GDPR article 15). eNPS answers are anonymous and not included. The download is recorded in the audit log.
export-download = Download this person's data (JSON)
export-own-help = Everything Ambasada stores about you, as one JSON file: your account, programs, shares with their texts, links with their clicks, points, rewards, courses and notifications. Your eNPS answers are anonymous, so they are not in it.
export-own-download = Download my data (JSON)
audit-do-person-export = Personal data downloaded: { $subject }

# --- signed webhooks (C13) ---
nav-webhooks = Webhooks
scope-webhooks-write = manage webhook endpoints
endpoints-title = Webhooks
endpoints-intro = Other systems (an ATS, a CRM, a BI tool) learn about events here as they happen: each endpoint gets a signed POST for the events it takes, following the Standard Webhooks convention. Failed deliveries are retried with growing pauses for three days; an endpoint that fails for three days is disabled and you are told.
endpoints-created = Endpoint added
endpoints-secret-once = Its signing secret is shown only now. Copy it into the receiving system: it verifies the webhook-signature header with it.
endpoints-open = Open the endpoint
endpoints-list = Endpoints
endpoints-none = No endpoints yet.
endpoints-url = Endpoint URL
endpoints-state = State
endpoints-events = Events
endpoints-last-success = Last delivery
endpoints-failing-since = failing since { $when }
endpoints-add = Add an endpoint
endpoints-url-hint = An https address of the receiving system. Addresses on this machine or in a private network are refused.
endpoints-save = Add the endpoint
endpoints-verify-hint = Each delivery carries webhook-id (the same on every attempt: use it to ignore repeats), webhook-timestamp and webhook-signature: v1, then the base64 HMAC-SHA256 of "id.timestamp.body" under the secret's bytes.
endpoints-endpoint = Endpoint
endpoints-created-at = Added
endpoints-disabled-at = Disabled { $when }: it failed for three days. Messages wait; enable it when the receiver works again.
endpoints-enable = Enable again
endpoints-delete = Remove the endpoint
endpoints-delete-confirm = Remove this endpoint and the messages waiting for it?
endpoints-messages = Recent messages
endpoints-messages-none = No messages yet.
endpoints-col-event = Event
endpoints-col-created = Queued
endpoints-col-status = Status
endpoints-col-attempts = Attempts
endpoints-col-answer = Answer
endpoints-col-id = webhook-id
endpoints-next-attempt = next attempt { $when }
endpoints-status-pending = waiting
endpoints-status-delivered = delivered
endpoints-status-failed = given up
endpoints-state-waiting = nothing delivered yet
endpoints-state-ok = working
endpoints-state-failing = failing
endpoints-state-disabled = disabled
endpoints-event-share-confirmed = an ambassador confirmed a share
endpoints-event-content-published = content was published
endpoints-event-content-expired = content expired
endpoints-event-application-created = a candidate applied
endpoints-event-application-stage_changed = an application changed stage
endpoints-event-conversion-recorded = a conversion was reported
endpoints-event-person-created = a person was added
endpoints-event-person-deactivated = a person was deactivated
endpoints-event-person-erased = a person's personal data was erased
endpoints-event-reward-redeemed = an ambassador asked for a reward
endpoints-event-review-published = a program review was published
error-endpoint-url = Enter an http(s) address, such as https://ats.example.com/hooks/ambasada.
error-endpoint-events = Choose at least one event.
error-endpoint-local = This address points to this server or a private network: enter the receiving system's public https address.
error-endpoint-event-unknown = Unknown event: { $event }.
flash-endpoint-enabled = The endpoint is enabled; waiting messages go now.
flash-endpoint-deleted = The endpoint was removed.
notification-endpoint-disabled = The webhook endpoint { $url } failed for three days and was disabled.
email-endpoint-disabled-subject = A webhook endpoint was disabled
email-endpoint-disabled-body = The webhook endpoint { $url } has not accepted a delivery for three days, so Ambasada disabled it. Its messages wait.

    When the receiving system works again, enable the endpoint: { $link }
audit-do-webhook-endpoint-create = Webhook endpoint added: { $subject }
audit-do-webhook-endpoint-delete = Webhook endpoint removed: { $subject }
audit-do-webhook-endpoint-enable = Webhook endpoint enabled: { $subject }

# --- erasure (C14, GDPR article 17) ---
former-employee = Former employee
former-candidate = Erased candidate
erase-title = Erase personal data
erase-help = For a request under GDPR article 17. The person can no longer sign in; their name, email address, password, profiles, the texts of their shares, their notifications and emails are removed for good. Their shares, clicks and points stay in the totals, and content they wrote stays, signed "Former employee". Download their data first if they asked for a copy.
erase-confirm-label = To confirm, type the person's email address ({ $email })
erase-confirm-dialog = Erase this person's personal data for good? This cannot be undone.
erase-button = Erase personal data
erase-done-at = Personal data erased { $when }. The account stays only so that totals add up.
error-erase-self = You cannot erase your own account: ask another admin.
error-erased-already = This personal data has already been erased.
error-erase-confirm = The email address you typed does not match: nothing was erased.
flash-person-erased = Personal data erased.
flash-application-erased = The candidate's data and CV were erased.
application-erased-at = The candidate's personal data was erased { $when }.
application-erase-title = Erase the candidate's data
application-erase-help = For a candidate's request, or when their data may no longer be kept: their name, address, profile, message and CV file are removed for good. The application still counts in the totals and referrals, without them.
application-erase-confirm = Erase this candidate's data and CV for good? This cannot be undone.
application-erase-button = Erase the candidate's data
audit-do-person-erase = Personal data erased: { $subject }
audit-do-application-erase = Candidate's data erased: { $subject }

# --- retention (C14, GDPR article 5(1)(e)) ---
careers-future-consent = I also agree to the processing of my personal data for future recruitments, for { $period } from this application (optional).
careers-future-consent-months =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
careers-future-consent-hint = Without this consent, your application and CV are deleted { $period } after this recruitment ends.
applications-future-consent-given = Consent to future recruitments given { $when }
audit-do-retention-run = Retention run deleted (applications / CVs / clicks / notifications / messages / audit entries): { $subject }

# --- processing register (C14, GDPR article 30) ---
nav-privacy = Personal data
register-title = Processing register
register-intro = Every kind of data Ambasada stores, why, where (tables and columns), for how long and who can see it. It is made from the same list that a test checks against the database schema, so it cannot fall behind. Periods come from the retention settings in force.
register-personal = Personal data
register-other = Other data (the program's own; some columns name, by number, the person who made or changed a record)
register-why = Why
register-who = Who can see it
register-keep = How long
register-where = Where
register-runs = Retention runs
register-runs-none = No retention run yet: the first one starts within an hour of the server starting.
register-run-unfinished = unfinished: a step failed (see the log); the next day's run catches up
register-runs-columns = Deleted: applications / CVs / clicks / notifications / messages / audit entries
register-rights = A person's copy of their data: on their page (admins) or their profile. Erasure: on their page (admins) or the application's page (recruiters).
register-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
register-months =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
register-accounts-title = Accounts
register-accounts-why = Signing in, roles and teams, the person's networks and their size (for reach estimates), digest preferences, calendar feeds, and employee lists waiting for an admin's confirmation.
register-accounts-who = Admins see everyone; coordinators see their programs' members; colleagues see names on leaderboards unless the person hides theirs; everyone sees their own profile.
register-accounts-keep = As long as the account exists: an admin deactivates it when someone leaves and erases it on request (the account then stays as a shell without personal data, so that totals add up); an unconfirmed employee list for a day.
register-security-title = Sign-in security
register-security-why = Sessions, personal API tokens and one-time links (invitations, password resets) are stored as hashes; failed sign-ins keep the address typed and a keyed hash of the network address, rate limits only keyed hashes, to stop guessing.
register-security-who = Nobody sees the secrets; everyone sees their own tokens on their profile.
register-security-keep = Sessions until they expire (30 days), links until they expire (at most 7 days), tokens until revoked (a revoked token's name and dates stay with the account), failed sign-ins for 15 minutes, rate-limit records for a day.
register-sharing-title = Shares and tracked links
register-sharing-why = What each ambassador shared (text, network, post address, personalisation), their tracked links, and their planned posts: the program's measurement, points and calendar.
register-sharing-who = The ambassador; the program's coordinators; admins. Reports show totals.
register-sharing-keep = As long as the account exists; erasure empties the texts and post addresses and keeps the counts.
register-linkedin-title = LinkedIn connections and direct posts
register-linkedin-why = To publish an ambassador's posts on their LinkedIn profile at their request: their LinkedIn member id and name, the access token LinkedIn issued (encrypted with the server's secret_key), its expiry, and the posts they published or planned through it with their state and LinkedIn's answer.
register-linkedin-who = The ambassador (their own posts and connection). Nobody can read the token: it is only used to call LinkedIn.
register-linkedin-keep = The connection until the ambassador disconnects it or it is erased (an expired token is useless and is replaced on the next connection); the posts as long as the account exists. Erasure deletes both.
register-clicks-title = Clicks
register-clicks-why = Each click on a tracked link: when, which link, the network, the browser family, the referring site, and a hash of the visitor made with a salt that changes daily (no IP address is stored); conversions reported against a click.
register-clicks-who = Nobody sees single clicks: reports show counts per day.
register-clicks-keep = Raw clicks { $period }, then only the daily counts; the visitor hashes of a day for two days; the daily salt for a day; clicks a conversion or application points at stay with them.
register-measurement-title = Measurement per ambassador
register-measurement-why = Daily and monthly numbers per ambassador (shares, clicks, visitors, conversions) behind the dashboards, leaderboards and reviews.
register-measurement-who = Coordinators of the program, recruiters and admins (reports); the ambassador their own.
register-measurement-keep = As long as the program's reports are needed; erasure keeps the numbers under "former employee".
register-programs-title = Programs, selection and training
register-programs-why = Who is a member of which program, applications to join (networks, topics, motivation, score, decision, consent), lessons read and quiz results.
register-programs-who = The person; the program's coordinators; admins.
register-programs-keep = As long as the account exists; erasure empties the motivation.
register-motivation-title = Points and rewards
register-motivation-why = Points earned and spent, badges, challenge winners and reward requests.
register-motivation-who = The ambassador; the program's coordinators; admins; leaderboards show colleagues unless they hide their name.
register-motivation-keep = As long as the account exists.
register-candidates-title = Candidates
register-candidates-why = Applications through the careers page (name, address, profile, message, CV file, the consent as shown, the optional consent to future recruitments), their stages, and the ambassador who referred them.
register-candidates-who = Recruiters and admins; the referring ambassador sees only that someone applied through their link.
register-candidates-keep = { $period } after the job offer closes, then erased (CV file included); with the consent to future recruitments, for the period it names, counted from the application; a recruiter erases a candidate on request.
register-enps-title = eNPS surveys
register-enps-why = Who took part in a survey (so nobody answers twice), and the answers without the person: scores counted per survey, comments kept apart; answers wait unlinked until a survey has enough of them.
register-enps-who = Nobody sees who answered what; coordinators and admins see the results.
register-enps-keep = As long as the survey exists.
register-reviews-title = Monthly reviews
register-reviews-why = A program's reviews: notes, the numbers frozen at publication (with the top ambassadors), attendance and decisions with their owners.
register-reviews-who = The program's coordinators and admins; published reviews also its members.
register-reviews-keep = As long as the program exists.
register-notifications-title = Notifications and digests
register-notifications-why = In-app notifications (what happened, where to look) and which digests were sent.
register-notifications-who = The person the notification is for.
register-notifications-keep = Notifications { $period }; the record of digests sent as long as the account exists.
register-messages-title = Emails and webhook messages
register-messages-why = Emails waiting or sent (address, subject, text), and messages to Slack, Teams and signed webhook endpoints.
register-messages-who = Admins (the outbox and the webhook pages).
register-messages-keep = Texts of sent or given-up emails and messages { $period }; who got which email and when as long as the account exists.
register-audit-title = Audit log
register-audit-why = Who did what to whom: administrative actions, exports, erasures and retention runs.
register-audit-who = Admins.
register-audit-keep = { $period }; entries naming an erased person name only their number.
register-content-title = Content, courses and job offers
register-content-why = The post library, its workflow, courses and job offers; a column names the author or the person who approved.
register-setup-title = Program setup
register-setup-why = Programs, teams, the calendar, goals, points rules, rewards, budgets, challenges, survey openings, integrations and settings; a column names who made a record.
register-totals-title = Totals
register-totals-why = Daily counts per link, program and item, change counters, and what each retention run deleted (counts only).

# --- applications per offer ---
applications-for-offer = Applications for “{ $offer }”.
applications-all-offers = All offers
applications-future-consent-until = until { $when }

## The API reference (/api/docs), rendered from the OpenAPI document.
apidocs-title = API reference
apidocs-version = version
apidocs-intro = Every call, its token scopes, parameters, bodies and answers, generated from the same document the server serves as openapi.json. The descriptions are in English, like the API's messages.
apidocs-operations = Endpoints
apidocs-schemas = Data types
apidocs-no-token = No token needed.
apidocs-any-token = Any valid token.
apidocs-scopes = Token scopes
apidocs-params = Parameters
apidocs-body = Request body
apidocs-answers = Answers
apidocs-name = Name
apidocs-in = In
apidocs-type = Type
apidocs-description = Description
apidocs-status = Status
apidocs-field = Field
apidocs-required = required
apidocs-or = or
apidocs-values = Values
apidocs-closed = Fields not listed here are refused (422).
apidocs-tag-people = People
apidocs-tag-content = Content library
apidocs-tag-sharing = Sharing
apidocs-tag-tracking = Tracked links
apidocs-tag-recruiting = Recruitment
apidocs-tag-programs = Programs
apidocs-tag-calendar = Publication calendar
apidocs-tag-rewards = Points and rewards
apidocs-tag-reports = Reports and reviews
apidocs-tag-webhooks = Webhooks
apidocs-tag-meta = This document
tokens-reference = The API reference lists every call and the scopes it needs.
