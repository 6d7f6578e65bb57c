// Facial recognition capture: the camera stream (getUserMedia), one frame drawn to a canvas,
// uploaded as a JPEG with the page's CSRF token. In the suites, Chromium's fake camera
// (--use-fake-device-for-media-stream, --use-fake-ui-for-media-stream) supplies the frames.
(function () {
  var video = document.querySelector('[data-testid="camera-preview"]');
  var button = document.querySelector('[data-testid="capture-face"]');
  var status = document.querySelector('[data-testid="camera-status"]');
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    status.textContent = "This browser cannot use a camera. Continue on your phone instead.";
    return;
  }
  navigator.mediaDevices.getUserMedia({ video: true }).then(function (stream) {
    video.srcObject = stream;
    video.onloadeddata = function () {
      status.textContent = "Camera ready: centre your face in the frame.";
      button.disabled = false;
    };
  }).catch(function () {
    status.textContent = "The camera is not available: allow camera access and check that it works.";
  });
  button.addEventListener("click", function () {
    button.disabled = true;
    var canvas = document.createElement("canvas");
    canvas.width = video.videoWidth || 320;
    canvas.height = video.videoHeight || 240;
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(function (blob) {
      var form = new FormData();
      form.append("csrf_token", csrf);
      form.append("face", blob, "face.jpg");
      fetch("/reset-mobile/biometric/capture", { method: "POST", body: form, credentials: "same-origin" })
        .then(function (response) {
          if (response.ok) { window.location.href = response.url; return; }
          status.textContent = "The picture could not be submitted (" + response.status + "). Try again.";
          button.disabled = false;
        });
    }, "image/jpeg", 0.85);
  });
})();
