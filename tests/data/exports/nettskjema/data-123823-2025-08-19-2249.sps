* Encoding: UTF-8.
* API test form (id 123823) - 2025-08-19-2249

* Define Variable Properties.

*freetext.
VARIABLE LABELS freetext 'This is a question about something super important, where the user can input free text.'.

*radio.
VARIABLE LABELS radio 'How happy are we with Nettskjema?'.
VALUE LABELS radio
  1 'Very happy!'
  '-1' 'Very unhappy!'.

*checkbox.questionnaires.
VARIABLE LABELS checkbox.questionnaires 'What do we use it for? Questionnaires'.
VALUE LABELS checkbox.questionnaires
  1 'Yes'
  0 'No'.

*checkbox.events.
VARIABLE LABELS checkbox.events 'What do we use it for? Event sign-ups'.
VALUE LABELS checkbox.events
  1 'Yes'
  0 'No'.

*checkbox.logs.
VARIABLE LABELS checkbox.logs 'What do we use it for? Data logging'.
VALUE LABELS checkbox.logs
  1 'Yes'
  0 'No'.

*dropdown.
VARIABLE LABELS dropdown 'Who is responsible with Nettskjema?'.
VALUE LABELS dropdown
  4 'UiO'
  9 'OsloMet'.

*radio_matrix.grants.
VARIABLE LABELS radio_matrix.grants 'written some grant applications'.
VALUE LABELS radio_matrix.grants
  1 'yes'
  2 'no'
  3 'not applicable'.

*radio_matrix.lecture.
VARIABLE LABELS radio_matrix.lecture 'held a lecture'.
VALUE LABELS radio_matrix.lecture
  1 'yes'
  2 'no'
  3 'not applicable'.

*radio_matrix.email.
VARIABLE LABELS radio_matrix.email 'sent some e-mails'.
VALUE LABELS radio_matrix.email
  1 'yes'
  2 'no'
  3 'not applicable'.

*checkbox_matrix.1.IT.
VARIABLE LABELS checkbox_matrix.1.IT 'sought help from IT'.
VALUE LABELS checkbox_matrix.1.IT
  1 'Yes'
  0 'No'.

*checkbox_matrix.1.colleague.
VARIABLE LABELS checkbox_matrix.1.colleague 'sought help from A colleague'.
VALUE LABELS checkbox_matrix.1.colleague
  1 'Yes'
  0 'No'.

*checkbox_matrix.1.admin.
VARIABLE LABELS checkbox_matrix.1.admin 'sought help from Administration'.
VALUE LABELS checkbox_matrix.1.admin
  1 'Yes'
  0 'No'.

*checkbox_matrix.1.union.
VARIABLE LABELS checkbox_matrix.1.union 'sought help from Union'.
VALUE LABELS checkbox_matrix.1.union
  1 'Yes'
  0 'No'.

*checkbox_matrix.1.internet.
VARIABLE LABELS checkbox_matrix.1.internet 'sought help from Internet'.
VALUE LABELS checkbox_matrix.1.internet
  1 'Yes'
  0 'No'.

*checkbox_matrix.2.IT.
VARIABLE LABELS checkbox_matrix.2.IT 'received e-mails from IT'.
VALUE LABELS checkbox_matrix.2.IT
  1 'Yes'
  0 'No'.

*checkbox_matrix.2.colleague.
VARIABLE LABELS checkbox_matrix.2.colleague 'received e-mails from A colleague'.
VALUE LABELS checkbox_matrix.2.colleague
  1 'Yes'
  0 'No'.

*checkbox_matrix.2.admin.
VARIABLE LABELS checkbox_matrix.2.admin 'received e-mails from Administration'.
VALUE LABELS checkbox_matrix.2.admin
  1 'Yes'
  0 'No'.

*checkbox_matrix.2.union.
VARIABLE LABELS checkbox_matrix.2.union 'received e-mails from Union'.
VALUE LABELS checkbox_matrix.2.union
  1 'Yes'
  0 'No'.

*checkbox_matrix.2.internet.
VARIABLE LABELS checkbox_matrix.2.internet 'received e-mails from Internet'.
VALUE LABELS checkbox_matrix.2.internet
  1 'Yes'
  0 'No'.

*date.
VARIABLE LABELS date 'Choose a random date'.

*time.
VARIABLE LABELS time 'now choose a random time!'.

*datetime.
VARIABLE LABELS datetime 'Lastly choose a date AND time!'.

*number_decimal.
VARIABLE LABELS number_decimal 'Pick a number between 0 and 10!'.

*number_integer.
VARIABLE LABELS number_integer 'Choose an integer between 0 and 100'.

*slider.
VARIABLE LABELS slider 'Choose a point on the slider!'.

*attachment_1.
VARIABLE LABELS attachment_1 'Upload a fun image!'.

*attachment_2.
VARIABLE LABELS attachment_2 'This is an attachment2'.

EXECUTE.