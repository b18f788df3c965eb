// Availability grid: a day or hour heading ticks or clears its boxes in the page. Without this script the
// same button posts the form and the server flips the same boxes (ProfileForm.applyToggle): all ticked
// become clear, otherwise all become ticked.
document.addEventListener('click', function (event) {
  var button = event.target.closest('table.availability button[name=toggle]');
  if (!button) {
    return;
  }
  event.preventDefault();
  var parts = button.value.split(':');
  var attribute = parts[0] === 'day' ? 'data-day' : 'data-hour';
  var boxes = Array.prototype.slice.call(button.closest('table.availability')
      .querySelectorAll('input[' + attribute + '="' + parts[1] + '"]'));
  var allTicked = boxes.every(function (box) { return box.checked; });
  boxes.forEach(function (box) { box.checked = !allTicked; });
});
