<?cs # Components shared by pages: compose these instead of repeating markup. ?>
<?cs def:status_badge(ok, text) ?><span class="badge <?cs if:ok ?>badge-ok<?cs else ?>badge-bad<?cs /if ?>"><?cs var:text ?></span><?cs /def ?>
