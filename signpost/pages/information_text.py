"""Starting text for the privacy notice, accessibility statement and "Covering your tracks".

Every install has these pages from its first request; staff edit the words in Settings.
The cookie list on the privacy notice is not here: it comes from the code (core.cookies).
"""

PRIVACY_INTRO = (
    "<p>We want you to be able to look for help without being tracked. This notice says "
    "what this website keeps about you, why, and for how long.</p>"
    "<h2>What we keep</h2>"
    "<p>We do not ask for your name, and we do not use analytics or advertising cookies. "
    "What you type into the search box is used to find services and is not stored with "
    "anything that could identify you.</p>"
    "<p>If you save services to your list, the list is kept on our server, linked to a cookie "
    "in your browser, until the cookie expires or you empty the list.</p>"
    "<p>If you report a problem with a page, we keep what you tell us so we can put the page "
    "right.</p>"
)
PRIVACY_CONTACT = (
    "<h2>Your rights and who to contact</h2>"
    "<p>You can ask us what we hold about you, and ask us to correct or delete it. You can "
    "also complain to the Information Commissioner's Office (ICO) at ico.org.uk.</p>"
)

ACCESSIBILITY_USING = (
    "<p>This website is run by the organisations named on the About page. We want as many "
    "people as possible to be able to use it. For example, you should be able to:</p>"
    "<ul><li>change colours, contrast levels and fonts using your browser or device</li>"
    "<li>zoom in up to 400% without the text spilling off the screen</li>"
    "<li>get around the website using just a keyboard</li>"
    "<li>use it with speech recognition software and screen readers</li>"
    "<li>use it without JavaScript</li></ul>"
)
ACCESSIBILITY_HOW = (
    "<p>We test every page against the Web Content Accessibility Guidelines (WCAG) 2.2 "
    "AA standard with automated checks, and we check the main journeys by hand. We know of "
    "no parts of this website that are not accessible. If you find one, please tell us.</p>"
)
ACCESSIBILITY_FEEDBACK = (
    "<p>If you need information on this website in a different format, such as large print, "
    "easy read or audio, or you find a problem not listed on this page, contact the team "
    "that runs this website. We will reply within 10 working days.</p>"
)
ACCESSIBILITY_ENFORCEMENT = (
    "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
    "Regulations 2018. If you are not happy with how we respond to your complaint, contact "
    "the Equality Advisory and Support Service (EASS).</p>"
)
ACCESSIBILITY_TECHNICAL = (
    "<p>We are committed to making this website accessible, in accordance with the Public "
    "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
    "2018.</p><p>This website is fully compliant with the Web Content Accessibility "
    "Guidelines version 2.2 AA standard.</p>"
)

COVERING_TRACKS = (
    "<p>If you share a phone or computer, someone may be able to see that you visited this "
    "website. These steps make that harder. None of them is perfect.</p>"
    "<h2>Use private browsing</h2>"
    "<p>A private or incognito window does not keep the pages you visit. Open one from your "
    "browser's menu before you visit this website.</p>"
    "<h2>Clear your history</h2>"
    "<p>If you did not use private browsing, delete this website from your browser's history. "
    "Look for History or Privacy in your browser's settings. You can delete just the pages "
    "you choose, so the history is not suddenly empty.</p>"
    "<h2>Use the exit button</h2>"
    "<p>The Exit this page button at the top of every page takes you to another website "
    "straight away. You can also press the Shift key 3 times in a row. It does not clear "
    "your history.</p>"
    "<h2>On a shared device</h2>"
    "<p>Empty your saved list before you leave, and close the browser. If you can, use a "
    "device at a library, school or a friend's home.</p>"
    "<h2>Phone calls and texts</h2>"
    "<p>Calls and texts to helplines show in your phone's call log and messages. Delete them "
    "afterwards if someone else might look. Calls to some helplines, such as Samaritans, do "
    "not show on phone bills.</p>"
)
