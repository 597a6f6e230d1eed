// The club form works: it checks the fields and thanks the visitor without leaving the page.
const club = document.getElementById('club');
club.addEventListener('submit', (event) => {
  event.preventDefault();
  const status = document.getElementById('form-status');
  status.textContent = club.checkValidity()
    ? `Welcome to the club, ${club.elements.name.value}!`
    : 'Please fill in the missing fields.';
});
