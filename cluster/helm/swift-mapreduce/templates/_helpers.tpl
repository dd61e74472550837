{{/* The chart's name, overridable. */}}
{{- define "swift-mapreduce.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's base name for every object, at most 50 characters so suffixes fit. */}}
{{- define "swift-mapreduce.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "swift-mapreduce.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "swift-mapreduce.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: swift-mapreduce
{{- end }}

{{/* Selector labels of one component (jobtracker or tasktracker): pass (list $ "component"). */}}
{{- define "swift-mapreduce.selectorLabels" -}}
{{- $root := index . 0 }}
app.kubernetes.io/name: {{ include "swift-mapreduce.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* The image reference. */}}
{{- define "swift-mapreduce.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The name of the Secret holding the cluster secret. */}}
{{- define "swift-mapreduce.secretName" -}}
{{- default (printf "%s-secret" (include "swift-mapreduce.fullname" .)) .Values.clusterSecret.existingSecret }}
{{- end }}

{{/* The JobTracker's Service name. */}}
{{- define "swift-mapreduce.jobtrackerService" -}}
{{- printf "%s-jobtracker" (include "swift-mapreduce.fullname" .) }}
{{- end }}

{{/* The pod security context: the image's non-root user, group-owned volumes. */}}
{{- define "swift-mapreduce.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The container security context: read-only root, no privilege, no capabilities. */}}
{{- define "swift-mapreduce.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end }}

{{/* The environment every daemon shares: the ConfigMap and the cluster secret. */}}
{{- define "swift-mapreduce.commonEnv" -}}
envFrom:
  - configMapRef:
      name: {{ include "swift-mapreduce.fullname" . }}-config
env:
  - name: MR_SECRET
    valueFrom:
      secretKeyRef:
        name: {{ include "swift-mapreduce.secretName" . }}
        key: secret
{{- end }}
